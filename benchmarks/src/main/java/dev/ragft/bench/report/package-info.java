/**
 * Turns a benchmark run into the results section of {@code docs/benchmarks.md}: JMH's JSON
 * results ({@link dev.ragft.bench.report.JmhResults}) joined with the quality rows by benchmark
 * and parameters, as tables of latency, baseline, ratio and quality, and the targets with
 * the measurements they rest on ({@link dev.ragft.bench.report.BenchReport}).
 */
package dev.ragft.bench.report;
