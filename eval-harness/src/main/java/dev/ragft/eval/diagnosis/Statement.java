package dev.ragft.eval.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * One piece of evidence: a sentence, the share it rests on, and the cases behind it.
 *
 * @param key a stable name, e.g. {@code knowledge} or {@code regressions.rag}
 * @param text the sentence, with its numbers
 * @param share the count out of its total, with an interval
 * @param caseIds the cases counted, sorted
 */
public record Statement(String key, String text, Share share, List<String> caseIds) {

  /** Validates and copies the components. */
  public Statement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(share, "share");
    caseIds = List.copyOf(caseIds);
  }
}
