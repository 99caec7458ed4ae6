package dev.ragft.eval.judge;

import java.util.Objects;
import java.util.Optional;

/**
 * What a judge said about one reply.
 *
 * @param correct whether the reply answers correctly; empty when the judge's answer could not be
 *     read
 * @param faithful whether every claim of the reply is supported by the context; empty when the
 *     reply had no context or the judge did not say
 * @param reason the judge's one-line reason, or why its answer could not be read
 */
public record JudgeVerdict(Optional<Boolean> correct, Optional<Boolean> faithful, String reason) {

  /** Validates the components. */
  public JudgeVerdict {
    Objects.requireNonNull(correct, "correct");
    Objects.requireNonNull(faithful, "faithful");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether the judge's answer was read. */
  public boolean readable() {
    return correct.isPresent();
  }
}
