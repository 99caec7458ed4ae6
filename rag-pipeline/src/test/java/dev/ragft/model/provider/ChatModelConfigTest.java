package dev.ragft.model.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.llamacpp.ChatTemplateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatModelConfigTest {

  @TempDir
  Path folder;

  @Test
  void the_defaults_run_the_catalogue_default_in_process_greedily() {
    ChatModelConfig config = ChatModelConfig.defaults();

    assertThat(config.provider()).isEqualTo(Provider.LLAMACPP);
    assertThat(config.model()).isNull();
    assertThat(config.contextSize()).isEqualTo(4096);
    assertThat(config.chatTemplate()).isEqualTo(ChatTemplateMode.AUTO);
    assertThat(config.temperature()).isEqualTo(0.0);
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.maxTokens()).isEqualTo(512);
    assertThat(config.cache()).isEqualTo(CacheMode.READ_WRITE);
    assertThat(config.adapters()).isEmpty();
  }

  @Test
  void remote_providers_get_their_usual_endpoints_and_retries() {
    ChatModelConfig openai = ChatModelConfig.builder().provider(Provider.OPENAI_COMPATIBLE)
        .model("gpt-4o-mini").apiKeyEnv("OPENAI_API_KEY").build();
    ChatModelConfig ollama = ChatModelConfig.builder().provider(Provider.OLLAMA)
        .model("qwen2.5:0.5b").build();

    assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434");
    assertThat(openai.maxRetries()).isEqualTo(3);
    assertThat(openai.timeoutSeconds()).isEqualTo(120);
  }

  @Test
  void options_of_another_provider_are_refused_by_name() {
    assertThatThrownBy(() -> ChatModelConfig.builder().provider(Provider.OLLAMA).model("m")
        .adapters(List.of("a.gguf")).threads(2).build())
        .hasMessage("adapters, threads do not apply to provider ollama");
    assertThatThrownBy(() -> ChatModelConfig.builder().baseUrl("http://x").build())
        .hasMessage("baseUrl does not apply to provider llamacpp");
    assertThatThrownBy(() -> ChatModelConfig.builder().provider(Provider.OPENAI_COMPATIBLE)
        .model("m").topK(5).build())
        .hasMessage("topK does not apply to provider openai-compatible");
  }

  @Test
  void a_remote_model_must_be_named() {
    assertThatThrownBy(() -> ChatModelConfig.builder().provider(Provider.OLLAMA).build())
        .hasMessage("model is required for provider ollama: give the model name the server"
            + " knows");
  }

  @Test
  void reads_yaml_with_kebab_case_values() throws Exception {
    Path file = Files.writeString(folder.resolve("model.yaml"), """
        provider: openai-compatible
        model: stories260K
        baseUrl: http://127.0.0.1:8080/v1
        cache: replay
        stop: ["\\n\\n"]
        """);

    ChatModelConfig config = ChatModelConfig.read(file);

    assertThat(config.provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
    assertThat(config.cache()).isEqualTo(CacheMode.REPLAY);
    assertThat(config.stop()).containsExactly("\n\n");
  }

  @Test
  void an_unknown_key_is_named_with_its_line() throws Exception {
    Path file = Files.writeString(folder.resolve("model.yaml"), """
        model: stories260k
        temprature: 0.7
        """);

    assertThatThrownBy(() -> ChatModelConfig.read(file)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2: field \"temprature\" is not a chat model setting;"
            + " known settings are");
  }

  @Test
  void a_bad_value_is_named_with_its_line() throws Exception {
    Path file = Files.writeString(folder.resolve("model.json"), """
        {"provider": "openai",
         "model": "x"}""");

    assertThatThrownBy(() -> ChatModelConfig.read(file)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":1: ")
        .hasMessageContaining("provider must be llamacpp, openai-compatible or ollama, but is:"
            + " openai");
  }

  @Test
  void retry_waits_double_up_to_the_limit() {
    RetryPolicy policy = RetryPolicy.of(6);

    assertThat(List.of(2, 3, 4, 5, 6, 7).stream().map(policy::delayBefore).toList())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30));
  }

  @Test
  void a_base_url_loses_its_credentials_before_it_names_a_model() {
    assertThat(ChatModels.withoutSecrets("https://user:pw@api.example.org:8443/v1?key=abc#x"))
        .isEqualTo("https://api.example.org:8443/v1");
  }
}
