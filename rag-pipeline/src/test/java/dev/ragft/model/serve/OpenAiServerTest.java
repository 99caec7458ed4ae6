package dev.ragft.model.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.model.TestModels;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.llamacpp.ChatTemplateMode;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.ChatModels;
import dev.ragft.model.provider.ConfiguredChatModel;
import dev.ragft.model.provider.Provider;
import dev.ragft.model.provider.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * stories260K served over a real socket, used through ragft's own openai-compatible provider
 * (LangChain4j's OpenAI client) and through raw HTTP.
 */
class OpenAiServerTest {

  private static final String STORY = ", there was a little girl named Lily. She loved to play"
      + " outside in the park. One day, she saw a big, red ball.";
  private static ConfiguredChatModel local;
  private static OpenAiServer server;
  private static ConfiguredChatModel remote;

  @BeforeAll
  static void start() {
    ChatModels models = new ChatModels(ModelStore.standard(), name -> null, Sleeper.SYSTEM);
    local = models.create(ChatModelConfig.builder().model(TestModels.stories260K().toString())
        .contextSize(512).threads(1).chatTemplate(ChatTemplateMode.COMPLETION).maxTokens(40)
        .cache(CacheMode.OFF).build());
    server = OpenAiServer.start(local.chat(), local.streaming(), local.name(),
        new ServeConfig("127.0.0.1", 0, 2));
    remote = models.create(ChatModelConfig.builder().provider(Provider.OPENAI_COMPATIBLE)
        .baseUrl(server.baseUrl().toString()).model("stories260K").maxTokens(40).maxRetries(0)
        .cache(CacheMode.OFF).build());
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

  @Test
  void the_openai_compatible_provider_gets_the_same_story_and_usage_as_in_process() {
    ChatResponse response = remote.chat().chat(ChatRequest.builder()
        .messages(UserMessage.from("Once upon a time")).build());

    assertThat(response.aiMessage().text()).isEqualTo(STORY);
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(5);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(40);
    assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(45);
    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void streaming_through_the_provider_gives_pieces_that_join_into_the_story() throws Exception {
    List<String> pieces = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    remote.streaming().chat(ChatRequest.builder().messages(UserMessage.from("Once upon a time"))
        .build(), new StreamingChatResponseHandler() {
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
    ChatResponse response = done.get();

    assertThat(pieces).hasSizeGreaterThan(20);
    assertThat(String.join("", pieces)).isEqualTo(STORY);
    assertThat(response.aiMessage().text()).isEqualTo(STORY);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(40);
  }

  @Test
  void the_seed_and_temperature_travel_with_the_request() {
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Once upon a time"))
        .temperature(0.9).maxOutputTokens(30).build();
    ChatModelConfig seeded = ChatModelConfig.builder().provider(Provider.OPENAI_COMPATIBLE)
        .baseUrl(server.baseUrl().toString()).model("stories260K").seed(7).maxRetries(0)
        .cache(CacheMode.OFF).build();
    try (ConfiguredChatModel client = new ChatModels(ModelStore.standard(), name -> null,
        Sleeper.SYSTEM).create(seeded)) {
      assertThat(client.chat().chat(request).aiMessage().text()).isEqualTo(", there was a little"
          + " boy named Timmy. Timmy loved to play with his toys and eat food. He w");
    }
  }

  @Test
  void a_json_schema_response_format_is_enforced_over_http() throws Exception {
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Once upon a time"))
        .maxOutputTokens(120)
        .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("character").rootElement(JsonObjectSchema
                .builder().addStringProperty("name").addBooleanProperty("brave")
                .required("name", "brave").build()).build()).build())
        .build();

    JsonNode answer = Json.mapper().readTree(remote.chat().chat(request).aiMessage().text());

    assertThat(answer.get("name").isTextual()).isTrue();
    assertThat(answer.get("brave").isBoolean()).isTrue();
  }

  @Test
  void a_request_for_another_model_fails_without_retrying() {
    ChatModelConfig other = ChatModelConfig.builder().provider(Provider.OPENAI_COMPATIBLE)
        .baseUrl(server.baseUrl().toString()).model("gpt-4o").cache(CacheMode.OFF).build();
    try (ConfiguredChatModel client = new ChatModels(ModelStore.standard(), name -> null,
        delay -> {
          throw new AssertionError("no retry expected");
        }).create(other)) {
      assertThatThrownBy(() -> client.chat().chat("Once upon a time"))
          .isInstanceOf(RagftException.class)
          .isNotInstanceOf(RetriableException.class)
          .hasMessageContaining("openai-compatible model gpt-4o at " + server.baseUrl()
              + " failed: ")
          .hasMessageContaining("the model 'gpt-4o' does not exist; this server serves"
              + " 'stories260K'");
    }
  }

  @Test
  void lists_the_served_model() throws Exception {
    JsonNode models = Json.mapper().readTree(get("/v1/models").body());

    assertThat(models.get("object").asText()).isEqualTo("list");
    assertThat(models.get("data").get(0).get("id").asText()).isEqualTo("stories260K");
  }

  @Test
  void a_raw_stream_is_server_sent_events_ending_with_done_and_usage() throws Exception {
    HttpResponse<String> response = post("""
        {"model": "stories260K", "stream": true, "stream_options": {"include_usage": true},
         "max_tokens": 10, "messages": [{"role": "user", "content": "Once upon a time"}]}""");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    String[] events = response.body().split("\n\n");
    assertThat(events).allSatisfy(event -> assertThat(event).startsWith("data: "));
    assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
    JsonNode first = Json.mapper().readTree(events[0].substring(6));
    assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    JsonNode last = Json.mapper().readTree(events[events.length - 3].substring(6));
    assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    JsonNode usage = Json.mapper().readTree(events[events.length - 2].substring(6));
    assertThat(usage.get("choices")).isEmpty();
    assertThat(usage.get("usage").toString())
        .isEqualTo("{\"prompt_tokens\":5,\"completion_tokens\":10,\"total_tokens\":15}");
  }

  @Test
  void unsupported_fields_are_refused_by_name() throws Exception {
    HttpResponse<String> response = post("""
        {"model": "stories260K", "tools": [], "messages": [{"role": "user", "content": "hi"}]}""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(response.body()).at("/error/message").asText())
        .isEqualTo("unsupported parameter: tools (this server runs a local model without tools,"
            + " images or log probabilities)");
  }

  @Test
  void an_out_of_range_value_is_a_400_naming_it() throws Exception {
    HttpResponse<String> response = post("""
        {"model": "stories260K", "temperature": -1,
         "messages": [{"role": "user", "content": "hi"}]}""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(response.body()).at("/error/message").asText())
        .isEqualTo("invalid request: temperature must be >= 0, but is: -1.0");
  }

  @Test
  void an_unknown_endpoint_is_a_404() throws Exception {
    assertThat(get("/v1/embeddings").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + "/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
