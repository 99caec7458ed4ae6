/**
 * Gates: a small expression language over a run's metrics, for phase gates in rollouts and CI.
 * A gate is clauses separated by {@code ;}, each {@code metric op number}, for example
 * {@code hybrid.pass_rate >= 0.8; flips.pass_to_fail == 0}. {@link dev.ragft.eval.gate.GateParser}
 * parses it with errors that give the column; {@link dev.ragft.eval.gate.Gate#evaluate} checks it
 * against {@link dev.ragft.eval.gate.Metrics} (those of one run, {@link
 * dev.ragft.eval.gate.RunMetrics}, or of a comparison, {@link dev.ragft.eval.gate.ComparisonMetrics});
 * {@link dev.ragft.eval.gate.JUnitXml} writes the outcome for CI. The language is documented in
 * {@code docs/evaluation-reports.md}.
 */
package dev.ragft.eval.gate;
