package dev.ragft.eval.result;

/**
 * Why a (case, setup) pair failed, as the diagnosis sees it.
 */
public enum FailureLabel {
  /** The reply lacks or contradicts facts the model could not know (missing, private, stale). */
  KNOWLEDGE,
  /** The facts were there (or not needed), but the reply broke format, voice or policy rules. */
  BEHAVIOUR,
  /** Both a knowledge and a behaviour failure. */
  KNOWLEDGE_AND_BEHAVIOUR,
  /** Retrieval did not bring any gold document into the context. */
  RETRIEVAL_MISS,
  /** A gold document was in the context, but the reply did not use its facts. */
  GROUNDING
}
