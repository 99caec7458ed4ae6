package dev.ragft.eval.judge;

import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import dev.ragft.eval.score.Reply;
import dev.ragft.eval.score.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The judge's checks of a reply: {@code judge.correct} and, when the setup gave context,
 * {@code judge.faithful}. They gate only when the judge is calibrated (its kappa against human
 * labels reached the configured minimum) and its answer was readable; otherwise they are recorded
 * as information.
 */
public final class JudgeScorer implements Scorer {

  private final LlmJudge judge;
  private final boolean calibrated;

  /** A scorer asking {@code judge}, whose checks gate when {@code calibrated}. */
  public JudgeScorer(LlmJudge judge, boolean calibrated) {
    this.judge = Objects.requireNonNull(judge, "judge");
    this.calibrated = calibrated;
  }

  @Override
  public List<Check> score(Reply reply) {
    JudgeVerdict verdict = judge.judge(JudgeInput.of(reply.failureCase(), reply.text(),
        reply.context()));
    return checks(verdict, !reply.context().isEmpty(), calibrated);
  }

  /** The checks a verdict gives. */
  public static List<Check> checks(JudgeVerdict verdict, boolean withContext,
      boolean calibrated) {
    List<Check> checks = new ArrayList<>();
    if (!verdict.readable()) {
      checks.add(new Check(CheckKind.JUDGE, "judge.correct", false, verdict.reason(), false));
      return checks;
    }
    checks.add(new Check(CheckKind.JUDGE, "judge.correct", verdict.correct().get(),
        (verdict.correct().get() ? "correct: " : "incorrect: ") + verdict.reason(), calibrated));
    if (withContext && verdict.faithful().isPresent()) {
      checks.add(new Check(CheckKind.JUDGE, "judge.faithful", verdict.faithful().get(),
          (verdict.faithful().get() ? "faithful: " : "unfaithful: ") + verdict.reason(),
          calibrated));
    }
    return checks;
  }
}
