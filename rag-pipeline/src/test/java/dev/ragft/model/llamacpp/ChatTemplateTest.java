package dev.ragft.model.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ragft.model.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTemplateTest {

  private static final List<ChatTurn> TURNS = LlamaCppRequests.turns(List.of(
      SystemMessage.from("Be kind."), UserMessage.from("Hi"), AiMessage.from("Hello."),
      UserMessage.from("Tell a story.")));

  @Test
  void a_gguf_without_a_template_falls_back_to_the_plain_template() {
    try (LlamaCppModel model = LlamaCppModel.load(LlamaCppConfig.of(TestModels.stories260K())
        .withContextSize(256).withThreads(1))) {
      assertThat(model.info().template()).isEmpty();
      assertThat(model.templateInUse()).isEqualTo("plain");
      assertThat(model.prompt(TURNS)).isEqualTo(
          "Be kind.\n\nUser: Hi\nAssistant: Hello.\nUser: Tell a story.\nAssistant:");
      assertThat(model.templateStops()).containsExactly("\nUser:");
    }
  }

  @Test
  void the_plain_template_stops_before_the_model_writes_the_next_user_turn() {
    try (LlamaCppModel model = LlamaCppModel.load(LlamaCppConfig.of(TestModels.stories260K())
        .withContextSize(256).withThreads(1))) {
      ChatResponse response = new LlamaCppChatModel(model,
          Sampling.DEFAULTS.toBuilder().maxTokens(200).build()).chat(UserMessage.from("Hi"));

      assertThat(response.aiMessage().text()).doesNotContain("User:");
    }
  }

  @Test
  void the_ggufs_own_template_is_rendered_by_llama_cpp(@TempDir Path folder) throws Exception {
    String template = "{% for m in messages %}<{{ m.role }}>{{ m.content }}</{{ m.role }}>\n"
        + "{% endfor %}{% if add_generation_prompt %}<assistant>{% endif %}";
    Path withTemplate = TestModels.storiesWithTemplate(folder, template);

    try (LlamaCppModel model = LlamaCppModel.load(LlamaCppConfig.of(withTemplate)
        .withContextSize(256).withThreads(1))) {
      assertThat(model.info().template()).hasValueSatisfying(
          text -> assertThat(text).startsWith(template));
      assertThat(model.templateInUse()).isEqualTo("gguf");
      assertThat(model.templateStops()).isEmpty();
      assertThat(model.prompt(TURNS)).isEqualTo("<system>Be kind.</system>\n<user>Hi</user>\n"
          + "<assistant>Hello.</assistant>\n<user>Tell a story.</user>\n<assistant>");
    }
  }

  @Test
  void the_plain_mode_ignores_the_ggufs_template(@TempDir Path folder) throws Exception {
    Path withTemplate = TestModels.storiesWithTemplate(folder, "{{ messages[0].content }}");

    try (LlamaCppModel model = LlamaCppModel.load(LlamaCppConfig.of(withTemplate)
        .withContextSize(256).withThreads(1).withChatTemplate(ChatTemplateMode.PLAIN))) {
      assertThat(model.templateInUse()).isEqualTo("plain");
      assertThat(model.prompt(TURNS)).startsWith("Be kind.\n\nUser: Hi\n");
    }
  }
}
