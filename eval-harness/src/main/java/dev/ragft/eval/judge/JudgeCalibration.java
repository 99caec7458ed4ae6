package dev.ragft.eval.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How far a judge agrees with people on a labelled set: Cohen's kappa on correctness (and on
 * faithfulness, over the items labelled for it), and whether that is enough for the judge's
 * checks to gate.
 *
 * @param items the labelled replies judged
 * @param unreadable the judge's answers that could not be read (counted as disagreeing)
 * @param kappaCorrect kappa on correctness
 * @param kappaFaithful kappa on faithfulness, or NaN when no item was labelled for it
 * @param minKappa the kappa the judge needs to gate
 */
public record JudgeCalibration(int items, int unreadable, double kappaCorrect,
    double kappaFaithful, double minKappa) {

  /** Validates the components. */
  public JudgeCalibration {
    if (items < 1) {
      throw new IllegalArgumentException("a calibration needs at least one item");
    }
  }

  /** Whether the judge agrees well enough with people for its checks to gate. */
  public boolean gates() {
    return kappaCorrect >= minKappa;
  }

  /**
   * Judges every labelled reply and measures the agreement. An unreadable answer counts as the
   * opposite of the person's label, so a judge that cannot answer is not rewarded.
   */
  public static JudgeCalibration run(LlmJudge judge, List<LabelledReply> labelled,
      double minKappa) {
    Objects.requireNonNull(judge, "judge");
    List<Boolean> human = new ArrayList<>();
    List<Boolean> machine = new ArrayList<>();
    List<Boolean> humanFaithful = new ArrayList<>();
    List<Boolean> machineFaithful = new ArrayList<>();
    int unreadable = 0;
    for (LabelledReply item : labelled) {
      JudgeVerdict verdict = judge.judge(item.input());
      if (!verdict.readable()) {
        unreadable++;
      }
      human.add(item.correct());
      machine.add(verdict.correct().orElse(!item.correct()));
      if (item.faithful().isPresent()) {
        humanFaithful.add(item.faithful().get());
        machineFaithful.add(verdict.faithful().orElse(!item.faithful().get()));
      }
    }
    return new JudgeCalibration(labelled.size(), unreadable, CohensKappa.of(human, machine),
        humanFaithful.isEmpty() ? Double.NaN : CohensKappa.of(humanFaithful, machineFaithful),
        minKappa);
  }

  /** One line for notes and logs. */
  public String describe() {
    return String.format(Locale.ROOT, "kappa %.3f on correctness over %d labelled replies"
        + "%s (%d unreadable); the judge %s (minimum %.2f)", kappaCorrect, items,
        Double.isNaN(kappaFaithful) ? "" : String.format(Locale.ROOT,
            ", %.3f on faithfulness", kappaFaithful), unreadable,
        gates() ? "gates" : "is informational", minKappa);
  }
}
