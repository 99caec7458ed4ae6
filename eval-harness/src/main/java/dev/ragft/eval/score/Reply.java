package dev.ragft.eval.score;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.result.Passage;
import java.util.List;
import java.util.Objects;

/**
 * One reply as the scorers see it.
 *
 * @param failureCase the case asked
 * @param text the reply text, exactly as the model gave it
 * @param contextGiven whether the setup gives the model context (retrieval or oracle), even when
 *     no passage was found for this case
 * @param context the passages the model was given, numbered as the prompt showed them
 */
public record Reply(FailureCase failureCase, String text, boolean contextGiven,
    List<Passage> context) {

  /** Validates and copies the components. */
  public Reply {
    Objects.requireNonNull(failureCase, "failureCase");
    Objects.requireNonNull(text, "text");
    context = List.copyOf(context);
    if (!contextGiven && !context.isEmpty()) {
      throw new IllegalArgumentException("a setup without context cannot have passages");
    }
  }

  /** A reply from a setup without context. */
  public static Reply closedBook(FailureCase failureCase, String text) {
    return new Reply(failureCase, text, false, List.of());
  }
}
