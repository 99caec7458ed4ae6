package dev.ragft.eval.score;

import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every scorer a reply goes through, in a fixed order (facts and forbidden claims, reference,
 * citations, format, policy, then any added scorer such as an LLM judge), and the verdict the
 * {@link FailureLabeler} draws from their checks. Thread-safe when the scorers are.
 */
public final class ReplyScoring {

  private final List<Scorer> scorers;

  private ReplyScoring(List<Scorer> scorers) {
    this.scorers = List.copyOf(scorers);
  }

  /** The deterministic scorers, with {@code f1Threshold} for the reference's token F1. */
  public static ReplyScoring deterministic(double f1Threshold) {
    return new ReplyScoring(List.of(new FactScorer(), new ReferenceScorer(f1Threshold),
        new CitationScorer(), new FormatScorer(), new PolicyScorer()));
  }

  /** These scorers followed by {@code extra}. */
  public ReplyScoring with(Scorer extra) {
    List<Scorer> all = new ArrayList<>(scorers);
    all.add(Objects.requireNonNull(extra, "extra"));
    return new ReplyScoring(all);
  }

  /** The checks and verdict of {@code reply}. */
  public Scored score(Reply reply) {
    List<Check> checks = new ArrayList<>();
    for (Scorer scorer : scorers) {
      checks.addAll(scorer.score(reply));
    }
    return new Scored(checks, FailureLabeler.verdict(reply, checks));
  }

  /**
   * A scored reply.
   *
   * @param checks every check, in scorer order
   * @param verdict pass, or fail with its label
   */
  public record Scored(List<Check> checks, Verdict verdict) {

    /** Validates and copies the components. */
    public Scored {
      checks = List.copyOf(checks);
      Objects.requireNonNull(verdict, "verdict");
    }
  }
}
