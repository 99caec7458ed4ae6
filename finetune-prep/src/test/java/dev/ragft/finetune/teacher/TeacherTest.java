package dev.ragft.finetune.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The teacher's prompt and the parsing of fixed replies. A real teacher model is exercised in the
 * integration phase, not here.
 */
class TeacherTest {

  private static final TeacherChunk CHUNK = new TeacherChunk("c1", "policy.md",
      "  Damaged items can be returned within 30 days.  ");

  @Test
  void the_question_prompt_names_the_chunk_and_asks_for_json_lines() {
    assertThat(TeacherPrompts.questionPrompt(CHUNK, 2)).isEqualTo("""
        You write training data for a question-answering assistant.
        Read the passage and write 2 questions that the passage answers, each with a short, correct answer that uses only the passage.
        Reply with one JSON object per line and nothing else, for example:
        {"question": "...", "answer": "..."}

        Passage (document policy.md, chunk c1):
        <<<
        Damaged items can be returned within 30 days.
        >>>
        """);
  }

  @Test
  void json_lines_with_chatter_parse_and_chatter_is_counted() {
    String reply = """
        Here are the questions:
        {"question": "How long is the return window?", "answer": "30 days."}

        {"question": "What can be returned?", "answer": "Damaged items."}
        Hope this helps!
        """;

    TeacherOutputParser.Parsed parsed = TeacherOutputParser.parse("c1", reply);

    assertThat(parsed.pairs()).containsExactly(
        new QaPair("How long is the return window?", "30 days."),
        new QaPair("What can be returned?", "Damaged items."));
    assertThat(parsed.ignoredLines()).isEqualTo(2);
  }

  @Test
  void a_fenced_json_array_parses() {
    String reply = "```json\n[{\"question\": \"Q1?\", \"answer\": \"A1\"},"
        + " {\"question\": \"Q2?\", \"answer\": \"A2\"}]\n```";

    assertThat(TeacherOutputParser.parse("c1", reply).pairs())
        .containsExactly(new QaPair("Q1?", "A1"), new QaPair("Q2?", "A2"));
  }

  @Test
  void a_broken_object_is_a_problem_naming_the_chunk_line_and_field_and_the_rest_is_kept() {
    TeacherOutputParser.Parsed parsed = TeacherOutputParser.parse("c9",
        "{\"question\": \"Q?\", \"answer\": \"A\"}\n{\"question\": \"Q2?\"}");
    assertThat(parsed.pairs()).containsExactly(new QaPair("Q?", "A"));
    assertThat(parsed.problems())
        .containsExactly("teacher output for chunk c9:2: field \"answer\" is missing or empty");
    assertThat(TeacherOutputParser.parse("c9", "{\"question\": \"Q?\", ").problems())
        .singleElement().asString()
        .startsWith("teacher output for chunk c9:1: is not valid JSON: ");
    TeacherOutputParser.Parsed chatter = TeacherOutputParser.parse("c9",
        "I cannot help with that.");
    assertThat(chatter.pairs()).isEmpty();
    assertThat(chatter.ignoredLines()).isEqualTo(1);
    assertThat(chatter.problems())
        .containsExactly("teacher output for chunk c9: holds no question/answer object");
  }

  @Test
  void retrieval_aware_prompts_hide_the_right_chunk_among_seeded_distractors() {
    List<TeacherChunk> corpus = List.of(CHUNK,
        new TeacherChunk("c2", "policy.md", "Refunds take five days."),
        new TeacherChunk("s1", "shipping.md", "Orders ship in two days."),
        new TeacherChunk("s2", "shipping.md", "Norway is served by Posten."),
        new TeacherChunk("a1", "account.md", "Passwords reset by e-mail."));
    QaPair pair = new QaPair("How long is the return window?", "30 days.");

    RetrievalAwarePrompt.Built first = new RetrievalAwarePrompt(corpus, 3, 42).build(CHUNK, pair);
    RetrievalAwarePrompt.Built again = new RetrievalAwarePrompt(corpus, 3, 42).build(CHUNK, pair);

    assertThat(first).isEqualTo(again);
    assertThat(first.passageIds()).hasSize(4).contains("c1").doesNotHaveDuplicates();
    assertThat(first.passageIds()).as("distractors from other documents first")
        .doesNotContain("c2");
    int cited = first.passageIds().indexOf("c1") + 1;
    assertThat(first.target()).isEqualTo("30 days. [" + cited + "]");
    assertThat(first.user()).contains("[" + cited + "] Damaged items can be returned within 30 days.")
        .endsWith("Question: How long is the return window?");
  }

  @Test
  void with_few_other_documents_distractors_come_from_the_same_document() {
    List<TeacherChunk> corpus = List.of(CHUNK,
        new TeacherChunk("c2", "policy.md", "Refunds take five days."),
        new TeacherChunk("s1", "shipping.md", "Orders ship in two days."));

    RetrievalAwarePrompt.Built built = new RetrievalAwarePrompt(corpus, 2, 1)
        .build(CHUNK, new QaPair("Q?", "A"));

    assertThat(built.passageIds()).containsExactlyInAnyOrder("c1", "c2", "s1");
  }
}
