package dev.ragft.finetune.leakage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.finetune.Fixtures;
import dev.ragft.finetune.example.TrainingExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakageGuardTest {

  @TempDir
  Path dir;

  private static final List<EvalCase> CASES = List.of(
      new EvalCase("c1", "What is the refund window for damaged items?"),
      new EvalCase("c2", "How do I reset my password on the mobile app?"));

  @Test
  void exact_and_contained_prompts_leak_and_unrelated_ones_do_not() {
    List<TrainingExample> examples = List.of(
        Fixtures.example("e1", "what is the REFUND window for damaged items", "30 days"),
        Fixtures.example("e2", "Before you answer, note: How do I reset my password on the mobile "
            + "app? Please answer briefly.", "Use the link."),
        Fixtures.example("e3", "Which carriers ship to Norway?", "Posten and DHL."));

    List<LeakagePair> pairs = new LeakageGuard(LeakageGuard.Config.DEFAULT, CASES).check(examples);

    // c2 has 10 words (8 trigrams); e2 has 17 words (15 trigrams) holding all 8 of them
    assertThat(pairs).containsExactly(
        new LeakagePair("e1", "c1", true, 1.0, 1.0),
        new LeakagePair("e2", "c2", false, 8.0 / 15.0, 1.0));
  }

  @Test
  void a_partial_overlap_below_both_thresholds_is_not_leakage() {
    List<TrainingExample> examples = List.of(Fixtures.example("e1",
        "How do I reset my router to factory settings?", "Hold the button."));

    assertThat(new LeakageGuard(LeakageGuard.Config.DEFAULT, CASES).check(examples)).isEmpty();
  }

  @Test
  void a_lower_threshold_catches_the_partial_overlap() {
    List<TrainingExample> examples = List.of(Fixtures.example("e1",
        "How do I reset my router to factory settings?", "Hold the button."));

    // shared trigrams: "how do i", "do i reset", "i reset my" = 3 of c2's 8
    List<LeakagePair> pairs = new LeakageGuard(new LeakageGuard.Config(3, 0.9, 0.3), CASES)
        .check(examples);

    assertThat(pairs).containsExactly(new LeakagePair("e1", "c2", false, 3.0 / 12.0, 3.0 / 8.0));
  }

  @Test
  void the_failure_lists_every_pair_in_one_sentence() {
    LeakageException failure = new LeakageException(List.of(
        new LeakagePair("e1", "c1", true, 1.0, 1.0),
        new LeakagePair("e2", "c2", false, 0.5333333, 1.0)));

    assertThat(failure).hasMessage("the build stopped because 2 training-example/evaluation-case "
        + "pairs overlap: e1 ~ c1 (exact); e2 ~ c2 (jaccard 0.533, containment 1.000); remove them "
        + "or set leakage.allow: true.");
    assertThat(failure.pairs()).hasSize(2);
  }

  @Test
  void eval_cases_are_read_from_json_lines_with_prompt_or_question() throws Exception {
    Path file = dir.resolve("cases.jsonl");
    Files.writeString(file, "{\"id\":\"c1\",\"prompt\":\"P1\"}\n{\"_id\":\"c2\",\"question\":\"Q2\"}\n"
        + "{\"id\":\"c3\"}\n");

    assertThatThrownBy(() -> EvalCases.read(file)).isInstanceOf(InputException.class)
        .hasMessage("cases.jsonl:3: field \"prompt\" is missing (also looked for \"question\", \"text\""
            + " and a user message in \"messages\")");
    Files.writeString(file, "{\"id\":\"c1\",\"prompt\":\"P1\"}\n{\"_id\":\"c2\",\"question\":\"Q2\"}\n");
    assertThat(EvalCases.read(file)).containsExactly(new EvalCase("c1", "P1"), new EvalCase("c2", "Q2"));
  }
}
