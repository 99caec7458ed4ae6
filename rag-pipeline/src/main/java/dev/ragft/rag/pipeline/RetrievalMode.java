package dev.ragft.rag.pipeline;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which first-stage retrieval runs. */
public enum RetrievalMode {
  /** BM25 over the text field only. */
  BM25,
  /** Approximate nearest neighbours over the vectors of one or more models (fused if several). */
  DENSE,
  /** BM25 and every dense model, fused. */
  HYBRID;

  /** Parses {@code bm25}, {@code dense} or {@code hybrid}, naming the option on failure. */
  public static RetrievalMode parse(String option, String value) {
    for (RetrievalMode mode : values()) {
      if (mode.name().equalsIgnoreCase(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(option + " must be one of "
        + Arrays.stream(values()).map(m -> m.name().toLowerCase()).collect(Collectors.joining(", "))
        + ", but is: " + value);
  }
}
