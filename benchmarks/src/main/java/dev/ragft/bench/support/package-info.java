/**
 * What benchmarks share besides synthetic data: where their data and results live
 * ({@link dev.ragft.bench.support.BenchDirs}), folders built once across runs
 * ({@link dev.ragft.bench.support.BuiltOnce}), the plain-Lucene baselines
 * ({@link dev.ragft.bench.support.RawLucene}, {@link dev.ragft.bench.support.RawFusion}) and the
 * SciFact dataset prepared for benchmarking ({@link dev.ragft.bench.support.ScifactData}).
 */
package dev.ragft.bench.support;
