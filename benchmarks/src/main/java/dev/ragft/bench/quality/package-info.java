/**
 * The quality half of a benchmark row: recall against exact search
 * ({@link dev.ragft.bench.quality.Recall}), computed once per configuration outside timed code
 * and written as one JSON row per configuration ({@link dev.ragft.bench.quality.QualityLedger}).
 */
package dev.ragft.bench.quality;
