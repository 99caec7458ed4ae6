/**
 * Deterministic scoring of replies: each {@link dev.ragft.eval.score.Scorer} turns one reply into
 * named {@link dev.ragft.eval.result.Check}s (required facts and forbidden claims, reference
 * overlap, citation validity, format, policy), {@link dev.ragft.eval.score.ReplyScoring} runs them
 * in a fixed order, and {@link dev.ragft.eval.score.FailureLabeler} labels a failed reply as a
 * knowledge, behaviour, retrieval-miss or grounding failure. {@link
 * dev.ragft.eval.score.RetrievalMetrics} scores what retrieval brought for the case. The matching
 * semantics follow {@code docs/failure-cases.md}; the labelling rules are in
 * {@code docs/evaluation.md}.
 */
package dev.ragft.eval.score;
