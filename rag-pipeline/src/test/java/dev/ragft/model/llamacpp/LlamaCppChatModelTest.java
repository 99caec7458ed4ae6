package dev.ragft.model.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.model.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LlamaCppChatModelTest {

  private static LlamaCppModel model;
  private static LlamaCppChatModel chat;

  @BeforeAll
  static void load() {
    model = LlamaCppModel.load(LlamaCppConfig.of(TestModels.stories260K())
        .withContextSize(512).withThreads(1).withChatTemplate(ChatTemplateMode.COMPLETION));
    chat = new LlamaCppChatModel(model, Sampling.DEFAULTS.toBuilder().maxTokens(40).build());
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  private static ChatRequest ask(String text) {
    return ChatRequest.builder().messages(UserMessage.from(text)).build();
  }

  @Test
  void a_chat_returns_the_greedy_story_with_token_usage() {
    ChatResponse response = chat.chat(ask("Once upon a time"));

    assertThat(response.aiMessage().text()).isEqualTo(", there was a little girl named Lily."
        + " She loved to play outside in the park. One day, she saw a big, red ball.");
    assertThat(response.tokenUsage()).isEqualTo(new TokenUsage(5, 40));
    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(response.modelName()).isEqualTo("stories260K");
  }

  @Test
  void request_parameters_override_the_defaults() {
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Once upon a time"))
        .parameters(LlamaCppChatRequestParameters.builder().temperature(0.9).seed(7)
            .maxOutputTokens(30).stopSequences("toys").build())
        .build();

    ChatResponse first = chat.chat(request);

    assertThat(first.aiMessage().text())
        .isEqualTo(", there was a little boy named Timmy. Timmy loved to play with his ");
    assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(chat.chat(request).aiMessage().text()).isEqualTo(first.aiMessage().text());
  }

  @Test
  void a_json_schema_response_format_gives_json_with_the_required_fields() throws Exception {
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Once upon a time"))
        .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("character").rootElement(
                JsonObjectSchema.builder().addStringProperty("name").addIntegerProperty("age")
                    .required("name", "age").build()).build()).build())
        .maxOutputTokens(120)
        .build();

    JsonNode answer = Json.mapper().readTree(chat.chat(request).aiMessage().text());

    assertThat(answer.get("name").isTextual()).isTrue();
    assertThat(answer.get("age").isIntegralNumber()).isTrue();
  }

  @Test
  void the_streaming_model_sends_the_same_text_in_pieces_then_the_response() {
    LlamaCppStreamingChatModel streaming =
        new LlamaCppStreamingChatModel(model, Sampling.DEFAULTS.toBuilder().maxTokens(40).build());
    List<String> pieces = new ArrayList<>();
    AtomicReference<ChatResponse> complete = new AtomicReference<>();

    streaming.chat(ask("Once upon a time"), new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String text) {
        pieces.add(text);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        complete.set(response);
      }

      @Override
      public void onError(Throwable error) {
        throw new AssertionError(error);
      }
    });

    assertThat(pieces).hasSizeGreaterThan(20);
    assertThat(String.join("", pieces)).isEqualTo(complete.get().aiMessage().text());
    assertThat(complete.get().tokenUsage()).isEqualTo(new TokenUsage(5, 40));
  }

  @Test
  void errors_reach_the_streaming_handler() {
    LlamaCppStreamingChatModel streaming = new LlamaCppStreamingChatModel(model, Sampling.DEFAULTS);
    AtomicReference<Throwable> error = new AtomicReference<>();

    streaming.chat(ChatRequest.builder().messages(UserMessage.from("hi"))
        .modelName("gpt-4o").build(), new StreamingChatResponseHandler() {
          @Override
          public void onCompleteResponse(ChatResponse response) {
            throw new AssertionError("no response expected");
          }

          @Override
          public void onError(Throwable e) {
            error.set(e);
          }
        });

    assertThat(error.get()).isInstanceOf(RagftException.class)
        .hasMessage("the request asks for model 'gpt-4o', but this llamacpp model is"
            + " 'stories260K'");
  }

  @Test
  void tools_are_rejected_by_name() {
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hi"))
        .toolSpecifications(ToolSpecification.builder().name("clock").build()).build();

    assertThatThrownBy(() -> chat.chat(request)).isInstanceOf(RagftException.class)
        .hasMessage("the llamacpp provider does not support tools, but the request has 1 tool"
            + " specifications");
  }

  @Test
  void images_are_rejected() {
    UserMessage withImage = UserMessage.from(TextContent.from("what is this?"),
        ImageContent.from("https://example.org/cat.png"));

    assertThatThrownBy(() -> chat.chat(withImage)).isInstanceOf(RagftException.class)
        .hasMessage("the llamacpp provider takes only text, but a user message has 2 parts or"
            + " non-text content");
  }

  @Test
  void a_system_message_after_the_conversation_started_is_rejected() {
    assertThatThrownBy(() -> chat.chat(UserMessage.from("hi"), SystemMessage.from("be brief")))
        .isInstanceOf(RagftException.class)
        .hasMessage("a system message may only come before the conversation, but one follows a"
            + " user or assistant message");
  }

  @Test
  void out_of_range_parameters_are_rejected_by_name() {
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hi"))
        .temperature(-1.0).build();

    assertThatThrownBy(() -> chat.chat(request)).isInstanceOf(RagftException.class)
        .hasMessage("invalid request: temperature must be >= 0, but is: -1.0");
  }

  @Test
  void the_completion_template_joins_the_messages() {
    String prompt = model.prompt(LlamaCppRequests.turns(List.of(SystemMessage.from("Be kind."),
        UserMessage.from("Once upon a time"), AiMessage.from("there was"))));

    assertThat(prompt).isEqualTo("Be kind.\n\nOnce upon a time\n\nthere was");
  }
}
