/**
 * Statistics over a run: pass rates with seeded percentile-bootstrap intervals
 * ({@link dev.ragft.eval.stats.Bootstrap}), exact McNemar tests for every pair of setups with Holm's
 * correction ({@link dev.ragft.eval.stats.McNemar}, {@link dev.ragft.eval.stats.Holm}), the smallest
 * difference the case count can detect ({@link dev.ragft.eval.stats.DetectableEffect}), Wilson
 * intervals for small shares, and consistency over repeated samples. Everything is a pure function
 * of the run and a {@link dev.ragft.eval.stats.StatsConfig}; the bootstrap is seeded from the run,
 * so the same run always gives the same numbers. {@link dev.ragft.eval.stats.RunStatistics#of}
 * computes them all.
 */
package dev.ragft.eval.stats;
