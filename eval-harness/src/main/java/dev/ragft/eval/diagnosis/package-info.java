/**
 * From per-(case, setup) verdicts to a decision. Each case gets a signature (which setups pass
 * it) and, by explicit ordered rules ({@link dev.ragft.eval.diagnosis.CaseClassifier}), a
 * {@link dev.ragft.eval.diagnosis.Group}: knowledge (the right context fixes it), behaviour (the
 * right context is in view but the reply still breaks format or policy), both, unexplained.
 * {@link dev.ragft.eval.diagnosis.Recommender} turns the group shares, with Wilson intervals, into
 * a {@link dev.ragft.eval.diagnosis.Recommendation} (start with RAG, evaluate fine-tuning, hybrid,
 * nothing needed, no clear fix, or insufficient evidence), and every statement carries its counts,
 * interval and case ids. The rules are documented in {@code docs/evaluation-reports.md}.
 */
package dev.ragft.eval.diagnosis;
