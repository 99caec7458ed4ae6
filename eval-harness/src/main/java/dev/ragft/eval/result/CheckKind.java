package dev.ragft.eval.result;

/** The families of checks a reply goes through; each belongs to knowledge or behaviour. */
public enum CheckKind {
  /** A required fact is stated. Knowledge. */
  REQUIRED_FACT(true),
  /** A forbidden (for example stale) claim is absent. Knowledge. */
  FORBIDDEN_CLAIM(true),
  /** The reply matches the reference answer (exact match or token F1 threshold). Knowledge. */
  REFERENCE(true),
  /** Cited passages exist in the context and hold the supporting fact. Knowledge. */
  CITATION(true),
  /** The reply has the required shape: JSON schema, pattern, length, sections. Behaviour. */
  FORMAT(false),
  /** The reply follows policy: refusal, escalation, banned phrases. Behaviour. */
  POLICY(false),
  /** An LLM judge's verdict; counts only when the judge is calibrated. Knowledge. */
  JUDGE(true);

  private final boolean knowledge;

  CheckKind(boolean knowledge) {
    this.knowledge = knowledge;
  }

  /** Whether a failed check of this kind is a knowledge failure (otherwise behaviour). */
  public boolean knowledge() {
    return knowledge;
  }
}
