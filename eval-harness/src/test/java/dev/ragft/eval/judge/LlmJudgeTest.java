package dev.ragft.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a judge's answers, and the checks they give. */
class LlmJudgeTest {

  @Test
  void a_well_formed_answer_is_read() {
    assertThat(LlmJudge.read("{\"correct\": true, \"faithful\": false, \"reason\": \"adds a"
        + "\\n date\"}", true)).isEqualTo(new JudgeVerdict(Optional.of(true), Optional.of(false),
        "adds a date"));
    assertThat(LlmJudge.read("{\"correct\": false, \"faithful\": true, \"reason\": \"\"}", false))
        .isEqualTo(new JudgeVerdict(Optional.of(false), Optional.empty(), ""));
  }

  @Test
  void anything_else_is_unreadable_and_never_gates() {
    JudgeVerdict verdict = LlmJudge.read("Once upon a time there was a judge", true);

    assertThat(verdict.readable()).isFalse();
    assertThat(JudgeScorer.checks(verdict, true, true)).containsExactly(new Check(CheckKind.JUDGE,
        "judge.correct", false, "the judge's answer is not the JSON object asked for: \"Once upon"
            + " a time there was a judge\"", false));
  }

  @Test
  void checks_gate_only_for_a_calibrated_judge() {
    JudgeVerdict verdict = new JudgeVerdict(Optional.of(false), Optional.of(true), "wrong price");

    List<Check> calibrated = JudgeScorer.checks(verdict, true, true);
    List<Check> informational = JudgeScorer.checks(verdict, true, false);

    assertThat(calibrated).containsExactly(
        new Check(CheckKind.JUDGE, "judge.correct", false, "incorrect: wrong price", true),
        new Check(CheckKind.JUDGE, "judge.faithful", true, "faithful: wrong price", true));
    assertThat(informational).extracting(Check::gating).containsExactly(false, false);
  }
}
