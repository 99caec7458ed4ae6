/**
 * JMH benchmarks. {@link dev.ragft.bench.LlamaCppGenerationBenchmark} measures in-process
 * generation against llama.cpp's own timing of the same requests (the binding's overhead).
 */
package dev.ragft.bench;
