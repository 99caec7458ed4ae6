package dev.ragft.datasets.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChatJsonlTest {

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void chat_examples_read_with_their_turns_and_write_back_the_same_lines() throws Exception {
    List<ChatExample> examples = ChatJsonl.readExamples(
        getClass().getResourceAsStream("examples.jsonl"), "examples.jsonl", OnError.FAIL,
        InputProblems.collecting());
    assertThat(examples).containsExactly(
        new ChatExample(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"),
            ChatMessage.assistant("Hello."))),
        new ChatExample(List.of(ChatMessage.user("What is 2+2?"), ChatMessage.assistant("4"),
            ChatMessage.user("And 3+3?"), ChatMessage.assistant("6"))));
    assertThat(examples.get(1).lastUserContent()).isEqualTo("And 3+3?");
    assertThat(examples.get(1).reply()).isEqualTo(ChatMessage.assistant("6"));
    String lines = new String(getClass().getResourceAsStream("examples.jsonl").readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(ChatJsonl.toJson(examples.get(0)).toString() + "\n"
        + ChatJsonl.toJson(examples.get(1)).toString() + "\n").isEqualTo(lines);
  }

  @Test
  void preference_pairs_read_and_write_back_the_same_line() throws Exception {
    List<PreferencePair> pairs = ChatJsonl.readPreferencePairs(
        getClass().getResourceAsStream("pairs.jsonl"), "pairs.jsonl", OnError.FAIL,
        InputProblems.collecting());
    assertThat(pairs).containsExactly(new PreferencePair(List.of(ChatMessage.user("Reply in JSON.")),
        ChatMessage.assistant("{\"ok\":true}"), ChatMessage.assistant("ok")));
    String line = new String(getClass().getResourceAsStream("pairs.jsonl").readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(ChatJsonl.toJson(pairs.getFirst()).toString() + "\n").isEqualTo(line);
  }

  static Stream<Arguments> badExamples() {
    return Stream.of(
        Arguments.of("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
            "chat.jsonl:1: field \"messages\" must hold a prompt and a reply, but holds only one "
                + "message"),
        Arguments.of("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"user\",\"content\":\"Hello?\"}]}",
            "chat.jsonl:1: field \"messages\" must end with the assistant's reply, but ends with a "
                + "user message"),
        Arguments.of("{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}",
            "chat.jsonl:1: field \"messages[0].role\" must be system, user or assistant, but is: "
                + "\"tool\""),
        Arguments.of("{\"messages\":[{\"role\":\"user\",\"content\":\" \"}]}",
            "chat.jsonl:1: field \"messages[0].content\" must not be blank"),
        Arguments.of("{\"messages\":[],\"weight\":1}",
            "chat.jsonl:1: field \"weight\" is not a known field; the known fields are: messages"),
        Arguments.of("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"system\",\"content\":\"Late\"},"
                + "{\"role\":\"assistant\",\"content\":\"Ok\"}]}",
            "chat.jsonl:1: field \"messages\" message 2 is a system message; only the first may "
                + "be"));
  }

  @ParameterizedTest
  @MethodSource("badExamples")
  void a_bad_example_names_its_line_and_field(String line, String message) {
    assertThatThrownBy(() -> ChatJsonl.readExamples(utf8(line + "\n"), "chat.jsonl", OnError.FAIL,
        InputProblems.collecting()))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }

  @Test
  void a_pair_whose_outputs_are_not_one_assistant_message_is_refused() {
    String line = "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"Q\"}]},"
        + "\"preferred_output\":[{\"role\":\"user\",\"content\":\"A\"}],"
        + "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"B\"}]}\n";
    assertThatThrownBy(() -> ChatJsonl.readPreferencePairs(utf8(line), "dpo.jsonl", OnError.FAIL,
        InputProblems.collecting()))
        .isInstanceOf(InputException.class)
        .hasMessage("dpo.jsonl:1: field \"preferred_output\" must hold exactly one assistant "
            + "message");
  }
}
