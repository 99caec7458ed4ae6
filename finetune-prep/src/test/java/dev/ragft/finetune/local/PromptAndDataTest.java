package dev.ragft.finetune.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptAndDataTest {

  @TempDir
  Path dir;

  @Test
  void the_plain_format_trains_only_the_reply_and_its_end_of_sequence() {
    PlainPromptFormat format = new PlainPromptFormat("</s>");
    List<ChatMessage> messages = List.of(new ChatMessage("system", "Be brief."),
        new ChatMessage("user", "Hi"), new ChatMessage("assistant", "Hello"),
        new ChatMessage("user", "Again"), new ChatMessage("assistant", "Yes"));
    assertThat(format.render(messages)).containsExactly(
        new Segment("System: Be brief.\n", false), new Segment("User: Hi\n", false),
        new Segment("Assistant:", false), new Segment(" Hello</s>", true),
        new Segment("\n", false), new Segment("User: Again\n", false),
        new Segment("Assistant:", false), new Segment(" Yes</s>", true), new Segment("\n", false));
    assertThat(format.prompt(messages.subList(0, 2)))
        .isEqualTo("System: Be brief.\nUser: Hi\nAssistant:");
  }

  @Test
  void conversations_are_read_from_openai_chat_jsonl_with_bad_lines_named() throws IOException {
    Path file = dir.resolve("train.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"assistant\","
            + " \"content\": \"b\"}]}",
        "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}]}",
        "{\"messages\": [{\"role\": \"robot\", \"content\": \"a\"}]}",
        "{\"messages\": [{\"role\": \"assistant\", \"content\": 3}]}",
        "{\"prompt\": \"x\"}"));
    InputProblems problems = InputProblems.collecting();
    List<Conversation> read = ConversationReader.read(file, OnError.SKIP, problems);
    assertThat(read).containsExactly(Conversation.of("a", "b"));
    assertThat(problems.messages()).containsExactly(
        "train.jsonl:2: field \"messages\" has no assistant message to train on (skipped)",
        "train.jsonl:3: field \"messages[0].role\" must be system, user or assistant (skipped)",
        "train.jsonl:4: field \"messages[0].content\" must be a string (skipped)",
        "train.jsonl:5: field \"messages\" must be a non-empty array of {role, content} objects"
            + " (skipped)");
    assertThatThrownBy(() -> ConversationReader.read(file, OnError.FAIL, problems))
        .isInstanceOf(InputException.class)
        .hasMessage("train.jsonl:2: field \"messages\" has no assistant message to train on");
  }

  @Test
  void tokens_are_those_llama_cpp_gives_the_prompt_and_only_the_reply_is_trained() {
    try (LlamaCppTokenizer tokenizer = LlamaCppTokenizer.open(Stories.model())) {
      assertThat(tokenizer.eosText()).isEqualTo("</s>");
      assertThat(tokenizer.bos()).hasValue(1);
      PromptFormat format = tokenizer.defaultFormat();
      assertThat(format).isEqualTo(new PlainPromptFormat("</s>"));
      Conversation conversation = Conversation.of("JSON: Lily was happy.", Stories.ANSWER);
      TokenizedExample example = TokenizedExample.of(format.render(conversation.messages()),
          tokenizer);
      String prompt = new PlainPromptFormat("</s>").prompt(conversation.messages().subList(0, 1));
      int[] promptTokens = tokenizer.encode(prompt);
      int[] tokens = example.tokens();
      assertThat(tokens[0]).isEqualTo(1);
      for (int i = 0; i < promptTokens.length; i++) {
        assertThat(tokens[i + 1]).as("prompt token %d", i).isEqualTo(promptTokens[i]);
      }
      int[] reply = tokenizer.encode(" " + Stories.ANSWER + "</s>");
      boolean[] trained = example.trained();
      int first = 1 + promptTokens.length;
      assertThat(example.trainedCount()).isEqualTo(reply.length - 1);
      for (int i = 0; i < trained.length; i++) {
        assertThat(trained[i]).as("token %d", i)
            .isEqualTo(i >= first && i < first + example.trainedCount());
      }
      assertThat(tokens[first + example.trainedCount() - 1]).isEqualTo(2);
    }
  }

  @Test
  void the_chat_template_format_cuts_each_reply_out_of_llama_cpp_renderings() {
    try (LlamaCppTokenizer tokenizer = LlamaCppTokenizer.open(Stories.model())) {
      // stories260K has no template of its own; llama.cpp then applies ChatML
      List<Segment> segments = tokenizer.chatTemplateFormat().render(List.of(
          new ChatMessage("system", "Be brief."), new ChatMessage("user", "Hi"),
          new ChatMessage("assistant", "Hello"), new ChatMessage("user", "Again"),
          new ChatMessage("assistant", "Yes")));
      assertThat(segments).containsExactly(
          new Segment("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
              + "<|im_start|>assistant\n", false),
          new Segment("Hello<|im_end|>\n", true),
          new Segment("<|im_start|>user\nAgain<|im_end|>\n<|im_start|>assistant\n", false),
          new Segment("Yes<|im_end|>\n", true));
    }
  }
}
