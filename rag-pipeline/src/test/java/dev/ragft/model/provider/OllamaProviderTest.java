package dev.ragft.model.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.ragft.model.TestModels;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.llamacpp.ChatTemplateMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ollama provider (LangChain4j's Ollama client) against Ollama's protocol on loopback. */
class OllamaProviderTest {

  private static final String STORY = ", there was a little girl named Lily. She loved to play"
      + " outside in the park. One day, she saw a big, red ball.";
  private static ConfiguredChatModel local;
  private static OllamaProtocolServer ollama;
  private static ConfiguredChatModel client;

  @BeforeAll
  static void start() throws Exception {
    ChatModels models = new ChatModels(ModelStore.standard(), name -> null, delay -> { });
    local = models.create(ChatModelConfig.builder().model(TestModels.stories260K().toString())
        .contextSize(512).threads(1).chatTemplate(ChatTemplateMode.COMPLETION)
        .cache(CacheMode.OFF).build());
    ollama = new OllamaProtocolServer(local.chat(), local.streaming());
    client = models.create(ChatModelConfig.builder().provider(Provider.OLLAMA)
        .baseUrl(ollama.baseUrl()).model("stories260k").maxTokens(40).cache(CacheMode.OFF)
        .build());
  }

  @AfterAll
  static void stop() {
    if (ollama != null) {
      ollama.close();
    }
    if (local != null) {
      local.close();
    }
  }

  @Test
  void a_chat_sends_the_configured_options_and_reads_text_and_usage() {
    ChatResponse response = client.chat().chat(dev.langchain4j.model.chat.request.ChatRequest
        .builder().messages(dev.langchain4j.data.message.UserMessage.from("Once upon a time"))
        .build());

    assertThat(response.aiMessage().text()).isEqualTo(STORY);
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(5);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(40);
    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    JsonNode sent = ollama.requests().get(ollama.requests().size() - 1);
    assertThat(sent.get("model").asText()).isEqualTo("stories260k");
    assertThat(sent.at("/options/temperature").asDouble()).isEqualTo(0.0);
    assertThat(sent.at("/options/seed").asInt()).isEqualTo(42);
    assertThat(sent.at("/options/num_predict").asInt()).isEqualTo(40);
  }

  @Test
  void streaming_reads_json_lines_into_pieces() throws Exception {
    List<String> pieces = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    client.streaming().chat("Once upon a time", new StreamingChatResponseHandler() {
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
    assertThat(pieces).hasSizeGreaterThan(20);
    assertThat(String.join("", pieces)).isEqualTo(STORY);
  }
}
