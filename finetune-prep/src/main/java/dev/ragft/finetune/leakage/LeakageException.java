package dev.ragft.finetune.leakage;

import dev.ragft.common.RagftException;
import java.util.List;

/** A build stopped because training examples overlap evaluation cases; lists every pair. */
public class LeakageException extends RagftException {

  private final transient List<LeakagePair> pairs;

  /** Creates the failure for {@code pairs} (at least one). */
  public LeakageException(List<LeakagePair> pairs) {
    super(message(pairs));
    this.pairs = List.copyOf(pairs);
  }

  /** Every overlapping pair, in training-example order. */
  public List<LeakagePair> pairs() {
    return pairs;
  }

  private static String message(List<LeakagePair> pairs) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("a leakage failure needs at least one pair");
    }
    StringBuilder text = new StringBuilder("the build stopped because ").append(pairs.size())
        .append(pairs.size() == 1 ? " training example overlaps an evaluation case: "
            : " training-example/evaluation-case pairs overlap: ");
    for (int i = 0; i < pairs.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(pairs.get(i).describe());
    }
    text.append("; remove them or set leakage.allow: true");
    return text.append('.').toString();
  }
}
