package dev.ragft.finetune.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTuningConfigTest {

  @TempDir
  Path dir;

  private final Providers providers = Providers.standard();

  @Test
  void reads_providers_and_applies_each_types_defaults_under_them() throws IOException {
    Path file = dir.resolve("ft.yaml");
    Files.writeString(file, """
        providers:
          openai:
            apiKeyEnv: WORK_OPENAI_KEY
          fireworks:
            accountId: acme
          trl:
            type: command
            command: [python, train.py, "{train}", "{output_dir}"]
            adapterPath: "{output_dir}/adapter"
        http: {connectTimeout: PT3S, requestTimeout: PT2M}
        retry: {maxAttempts: 3, initialDelay: PT2S, maxDelay: PT20S, multiplier: 3.0,
                jitter: 0.1, maxRetryAfter: PT5M, seed: 11}
        """);

    FineTuningConfig config = FineTuningConfig.read(file);

    assertThat(config.settings("openai", providers)).isEqualTo(new ProviderSettings("openai",
        "openai", "https://api.openai.com/v1", "WORK_OPENAI_KEY", null, List.of(), null,
        Map.of()));
    assertThat(config.settings("fireworks", providers)).isEqualTo(new ProviderSettings(
        "fireworks", "fireworks", "https://api.fireworks.ai", "FIREWORKS_API_KEY", "acme",
        List.of(), null, Map.of()));
    assertThat(config.settings("trl", providers)).isEqualTo(new ProviderSettings("trl",
        "command", null, null, null, List.of("python", "train.py", "{train}", "{output_dir}"),
        "{output_dir}/adapter", Map.of()));
    assertThat(config.settings("mistral", providers)).isEqualTo(new ProviderSettings("mistral",
        "mistral", "https://api.mistral.ai", "MISTRAL_API_KEY", null, List.of(), null, Map.of()));
    assertThat(config.http()).isEqualTo(new HttpSettings(Duration.ofSeconds(3),
        Duration.ofMinutes(2)));
    assertThat(config.retry()).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(2),
        Duration.ofSeconds(20), 3.0, 0.1, Duration.ofMinutes(5), 11L));
  }

  @Test
  void everything_is_optional() throws IOException {
    Path file = dir.resolve("empty.yaml");
    Files.writeString(file, "providers: {}\n");

    FineTuningConfig config = FineTuningConfig.read(file);

    assertThat(config).isEqualTo(FineTuningConfig.defaults());
    assertThat(config.retry()).isEqualTo(RetryPolicy.defaults());
    assertThat(config.http()).isEqualTo(HttpSettings.defaults());
  }

  @Test
  void a_misspelt_key_fails_naming_the_file_and_line() throws IOException {
    Path file = dir.resolve("typo.yaml");
    Files.writeString(file, "providers:\n  openai:\n    apiKeyEvn: X\n");

    assertThatThrownBy(() -> FineTuningConfig.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": field \"providers.openai.apiKeyEvn\" is not a known setting; known:"
            + " accountId, adapterPath, apiKeyEnv, baseUrl, command, options, type");
  }

  @Test
  void a_bad_value_names_its_field() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "retry: {maxAttempts: 0, initialDelay: PT1S, maxDelay: PT2S,"
        + " multiplier: 2, jitter: 0, maxRetryAfter: PT1M, seed: 1}\n");

    assertThatThrownBy(() -> FineTuningConfig.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": field \"retry\" is not valid: ")
        .hasMessageContaining("maxAttempts must be >= 1, but is: 0");
  }

  @Test
  void broken_yaml_names_the_line() throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "providers:\n  openai: {apiKeyEnv: X\n");

    assertThatThrownBy(() -> FineTuningConfig.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2: is not valid YAML or JSON: while parsing a flow"
            + " mapping")
        .hasMessageContaining("expected ',' or '}', but got <stream end>");
  }

  @Test
  void an_unknown_provider_lists_what_is_configured_and_known() {
    assertThatThrownBy(() -> FineTuningConfig.defaults().settings("anthropic", providers))
        .hasMessage("provider 'anthropic' is neither configured nor a provider type; configured:"
            + " none; types: command, fireworks, local, mistral, openai, plugged, together.");
    assertThatThrownBy(() -> providers.factory("cohere"))
        .hasMessage("unknown provider type 'cohere'; known types: command, fireworks, local,"
            + " mistral, openai, plugged, together.");
  }
}
