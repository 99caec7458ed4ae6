package dev.ragft.eval.diagnosis;

/** What the diagnosis recommends. */
public enum RecommendationKind {
  /** Most failures are knowledge failures that context fixes: start with RAG. */
  RAG("start with RAG"),
  /** Most failures are behaviour failures with the right context in view: evaluate fine-tuning. */
  FINE_TUNING("evaluate fine-tuning"),
  /** Knowledge and behaviour failures are both severe: combine them (hybrid). */
  HYBRID("hybrid: retrieval and fine-tuning together"),
  /** The baseline passes every case. */
  NO_FIX_NEEDED("no fix needed"),
  /** Neither kind of failure explains most failures; look at the unexplained cases. */
  NO_CLEAR_FIX("no single fix explains most failures"),
  /** Too few failures, or intervals too wide, to recommend anything yet. */
  INSUFFICIENT_EVIDENCE("insufficient evidence");

  private final String phrase;

  RecommendationKind(String phrase) {
    this.phrase = phrase;
  }

  /** A short phrase for reports. */
  public String phrase() {
    return phrase;
  }
}
