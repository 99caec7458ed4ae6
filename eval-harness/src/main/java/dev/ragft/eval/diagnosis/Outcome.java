package dev.ragft.eval.diagnosis;

/** How one setup did on one case, as a signature records it. */
public enum Outcome {
  /** The first sample passed. */
  PASS,
  /** The first sample failed. */
  FAIL,
  /** The setup has no result for the case. */
  MISSING
}
