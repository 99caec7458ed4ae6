package dev.ragft.finetune.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.provider.http.ApiKey;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTest {

  @TempDir
  Path dir;

  @Test
  void a_provider_type_plugged_in_as_a_service_runs_jobs_like_the_built_in_ones()
      throws IOException {
    Providers providers = Providers.standard();
    Path training = dir.resolve("train.jsonl");
    Files.writeString(training, "{}\n");
    FineTuningJobs jobs = new FineTuningJobs(FineTuningConfig.defaults(), providers,
        new JobRegistry(dir.resolve("registry")), TestContexts.recorded("X").context());
    ProviderSettings settings = jobs.settings("plugged");

    JobRecord record = jobs.submit(settings, new JobSpec("stories260K", TrainingMethod.SFT,
        training, null, Hyperparameters.defaults(), null, "3".repeat(64)), null);

    assertThat(providers.types()).containsExactly("command", "fireworks", "local", "mistral",
        "openai", "plugged", "together");
    assertThat(record.provider()).isEqualTo(settings);
    assertThat(record.state()).isEqualTo(new JobState.Succeeded(null,
        jobs.registry().jobDir(record.clientKey()).resolve("adapter.gguf").toString()));
    assertThat(jobs.registry().modelsTrainedOn("3".repeat(64))).hasSize(1);
  }

  @Test
  void remote_types_refuse_settings_they_do_not_use() {
    ProviderSettings withCommand = new ProviderSettings("openai", "openai",
        "https://api.openai.com/v1", "OPENAI_API_KEY", "acct", List.of("x"), null,
        Map.of());

    assertThatThrownBy(() -> Providers.standard().create(withCommand,
        TestContexts.recorded("OPENAI_API_KEY").context()))
        .isInstanceOf(RagftException.class)
        .hasMessage("provider 'openai' of type openai does not use the settings accountId,"
            + " command; remove them.");
    assertThatThrownBy(() -> Providers.standard().create(
        Providers.standard().factory("together").defaults("t").withBaseUrl("ftp://x"),
        TestContexts.recorded("TOGETHER_API_KEY").context()))
        .hasMessage("provider 't' has a malformed base URL ftp://x: an http or https URL with a"
            + " host is expected.");
  }

  @Test
  void an_api_key_names_its_variable_and_never_itself() {
    ApiKey key = ApiKey.fromEnvironment("openai", "OPENAI_API_KEY",
        Map.of("OPENAI_API_KEY", " sk-abc123 ")::get);

    assertThat(key.toString()).isEqualTo("ApiKey[from OPENAI_API_KEY]");
    assertThat(key.bearer()).isEqualTo("Bearer sk-abc123");
    assertThat(key.redact("rejected sk-abc123!")).isEqualTo("rejected [redacted]!");
    assertThatThrownBy(() -> ApiKey.fromEnvironment("openai", "OPENAI_API_KEY", Map.<String, String>of()::get))
        .hasMessage("provider 'openai' needs an API key: set the environment variable"
            + " OPENAI_API_KEY (or name another one with apiKeyEnv).");
  }
}
