package dev.ragft.eval.diagnosis;

/** What a case's signature across setups says about it; see {@link CaseClassifier} for the rules. */
public enum Group {
  /** The run has no baseline result for the case. */
  INCOMPLETE("no baseline result"),
  /** The baseline passes: nothing to fix. */
  PASSES("baseline passes"),
  /** The baseline fails, and the base model passes with the right context (RAG or oracle). */
  KNOWLEDGE("knowledge: the right context fixes it"),
  /** Only fine-tuning and context together fix it, or the in-view failure is both kinds. */
  BOTH("knowledge and behaviour: only both together fix it"),
  /** With the right context in view, the reply still breaks format, voice or policy. */
  BEHAVIOUR("behaviour: fails with the right context in view"),
  /** The context does not fix it and the failure is not one of behaviour. */
  UNEXPLAINED("unexplained: context does not fix it, and it is not behaviour");

  private final String description;

  Group(String description) {
    this.description = description;
  }

  /** A short phrase for reports. */
  public String description() {
    return description;
  }
}
