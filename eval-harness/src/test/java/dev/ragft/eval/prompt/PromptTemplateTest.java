package dev.ragft.eval.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.chat.ChatExample;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.eval.config.TemplateSpec;
import dev.ragft.eval.result.Passage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prompts follow the layout the demo's training data uses, so fine-tuning carries over. */
class PromptTemplateTest {

  private static final FailureCase QUESTION = FailureCase.builder("q", Category.KNOWLEDGE,
      new Prompt.Question("Do office staff need a paid seat too?"))
      .referenceAnswer("No.").build();
  private static final Passage PRICING = new Passage(1, "pricing-plans.html", "v1",
      "v1/pricing-plans.html", 0, 50, "Office users (Owners, Admins and\n  Dispatchers) are free",
      true);

  @Test
  void the_support_template_renders_exactly_like_a_training_example() {
    Scenario demo = Scenarios.demo();
    ChatExample first = demo.trainingExamples().get(0);
    PromptTemplate support = Templates.resolve("support", Map.of(), demo.systemPrompt());

    List<ChatMessage> messages = support.render(QUESTION, List.of(PRICING));

    assertThat(messages).containsExactly(
        SystemMessage.from(first.messages().get(0).content()),
        UserMessage.from(first.messages().get(1).content()));
  }

  @Test
  void without_passages_the_user_message_is_the_question_alone() {
    assertThat(Templates.resolve("plain", Map.of(), "ignored").render(QUESTION, List.of()))
        .containsExactly(UserMessage.from("Do office staff need a paid seat too?"));
  }

  @Test
  void numbered_passages_and_custom_templates() {
    assertThat(Templates.resolve("numbered", Map.of(), "").render(QUESTION, List.of(PRICING)))
        .containsExactly(UserMessage.from("Context:\n[1] Office users (Owners, Admins and"
            + " Dispatchers) are free\n\nQuestion: Do office staff need a paid seat too?"));
    PromptTemplate custom = Templates.resolve("terse", Map.of("terse", new TemplateSpec(
        "Be brief.", "{passages}\n---\n{question} {id}", null, "{n}. {id}: {text}")), "sys");
    assertThat(custom.render(QUESTION, List.of(PRICING))).containsExactly(
        SystemMessage.from("Be brief."),
        UserMessage.from("1. pricing-plans: Office users (Owners, Admins and Dispatchers) are"
            + " free\n---\nDo office staff need a paid seat too? {id}"));
  }

  @Test
  void a_conversation_keeps_its_turns_and_its_own_system_message() {
    FailureCase conversation = FailureCase.builder("c", Category.BEHAVIOUR,
        new Prompt.Conversation(List.of(
            dev.ragft.datasets.chat.ChatMessage.system("You are terse."),
            dev.ragft.datasets.chat.ChatMessage.user("Hi"),
            dev.ragft.datasets.chat.ChatMessage.assistant("Hello."),
            dev.ragft.datasets.chat.ChatMessage.user("Is {passages} a word?"))))
        .referenceAnswer("No.").build();

    assertThat(Templates.resolve("support", Map.of(), "Template system.")
        .render(conversation, List.of(PRICING))).containsExactly(
        SystemMessage.from("You are terse."), UserMessage.from("Hi"), AiMessage.from("Hello."),
        UserMessage.from("Context:\n[pricing-plans] Office users (Owners, Admins and Dispatchers)"
            + " are free\n\nQuestion: Is {passages} a word?"));
  }

  @Test
  void a_template_without_its_placeholders_is_rejected() {
    assertThatThrownBy(() -> Templates.resolve("t", Map.of("t", new TemplateSpec(null,
        "Context: {question}", null, null)), ""))
        .hasMessage("template t: withContext must contain {passages}");
  }
}
