package dev.ragft.model.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.model.TestModels;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.llamacpp.ChatTemplateMode;
import dev.ragft.model.serve.OpenAiServer;
import dev.ragft.model.serve.ServeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openai-compatible provider's retries and secrecy, against stories260K served for real
 * behind a proxy that fails on request.
 */
class RemoteProviderTest {

  private static final String KEY = "sk-test-0123456789SECRET";
  private static final String STORY = ", there was a little girl named Lily. She loved to play"
      + " outside in the park. One day, she saw a big, red ball.";
  private static ConfiguredChatModel local;
  private static OpenAiServer server;

  @TempDir
  Path folder;
  private FlakyProxy proxy;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeAll
  static void serve() {
    local = new ChatModels(ModelStore.standard(), name -> null, Sleeper.SYSTEM).create(
        ChatModelConfig.builder().model(TestModels.stories260K().toString()).contextSize(512)
            .threads(1).chatTemplate(ChatTemplateMode.COMPLETION).cache(CacheMode.OFF).build());
    server = OpenAiServer.start(local.chat(), local.streaming(), "stories260K",
        new ServeConfig("127.0.0.1", 0, 2));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (local != null) {
      local.close();
    }
  }

  @BeforeEach
  void startProxy() throws Exception {
    proxy = new FlakyProxy(server.baseUrl());
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  private ConfiguredChatModel client(int retries, CacheMode cache) {
    return new ChatModels(ModelStore.standard(),
        name -> name.equals("RAGFT_TEST_KEY") ? KEY : null, waits::add)
        .create(ChatModelConfig.builder().provider(Provider.OPENAI_COMPATIBLE)
            .baseUrl(proxy.baseUrl().toString()).apiKeyEnv("RAGFT_TEST_KEY").model("stories260K")
            .maxTokens(40).maxRetries(retries).cache(cache)
            .cacheDir(folder.resolve("responses").toString()).build());
  }

  @Test
  void server_errors_are_retried_with_growing_waits_then_answered() {
    proxy.failNext(2, 503, "{\"error\":{\"message\":\"overloaded\"}}");

    String answer = client(3, CacheMode.OFF).chat().chat("Once upon a time");

    assertThat(answer).isEqualTo(STORY);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(proxy.authorizations()).hasSize(3);
  }

  @Test
  void rate_limits_that_outlast_the_retries_end_in_a_retriable_error_naming_the_model() {
    proxy.failNext(5, 429, "{\"error\":{\"message\":\"slow down\"}}");

    assertThatThrownBy(() -> client(2, CacheMode.OFF).chat().chat("Once upon a time"))
        .isInstanceOf(RetriableException.class)
        .hasMessageStartingWith("openai-compatible model stories260K at " + proxy.baseUrl()
            + " failed after 3 attempts: ")
        .hasMessageContaining("slow down");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void the_key_is_sent_but_never_shown_in_errors() {
    proxy.failNext(1, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
        + "\"}}");

    assertThatThrownBy(() -> client(3, CacheMode.OFF).chat().chat("Once upon a time"))
        .isInstanceOf(RagftException.class)
        .isNotInstanceOf(RetriableException.class)
        .hasMessageContaining("Incorrect API key provided: ***")
        .hasMessageNotContaining(KEY)
        .hasNoCause();
    assertThat(proxy.authorizations()).containsExactly("Bearer " + KEY);
    assertThat(waits).isEmpty();
  }

  @Test
  void cache_files_hold_the_answer_but_not_the_key() throws Exception {
    ConfiguredChatModel client = client(0, CacheMode.READ_WRITE);
    client.chat().chat("Once upon a time");
    client.chat().chat("Once upon a time");

    assertThat(proxy.authorizations()).hasSize(1);
    try (Stream<Path> files = Files.walk(folder.resolve("responses"))) {
      List<Path> entries = files.filter(Files::isRegularFile).toList();
      assertThat(entries).hasSize(1);
      assertThat(Files.readString(entries.get(0))).contains("Lily").doesNotContain(KEY);
    }
  }

  @Test
  void a_missing_key_variable_is_one_sentence() {
    ChatModels models = new ChatModels(ModelStore.standard(), name -> null, waits::add);
    ChatModelConfig config = ChatModelConfig.builder().provider(Provider.OPENAI_COMPATIBLE)
        .baseUrl("https://api.example.org/v1").apiKeyEnv("RAGFT_TEST_KEY").model("m").build();

    assertThatThrownBy(() -> models.create(config)).isInstanceOf(RagftException.class)
        .hasMessage("the environment variable RAGFT_TEST_KEY (apiKeyEnv) is not set; set it to"
            + " the API key of https://api.example.org/v1");
  }

  @Test
  void a_stream_that_fails_before_its_first_piece_is_retried() throws Exception {
    proxy.failNext(1, 502, "{\"error\":{\"message\":\"bad gateway\"}}");
    List<String> pieces = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    client(2, CacheMode.OFF).streaming().chat("Once upon a time",
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String text) {
            pieces.add(text);
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });

    assertThat(done.get().aiMessage().text()).isEqualTo(STORY);
    assertThat(String.join("", pieces)).isEqualTo(STORY);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }
}
