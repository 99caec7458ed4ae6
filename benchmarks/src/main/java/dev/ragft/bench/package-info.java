/**
 * JMH benchmarks. {@link dev.ragft.bench.LlamaCppGenerationBenchmark} measures in-process
 * generation against llama.cpp's own timing of the same requests (the binding's overhead);
 * {@link dev.ragft.bench.LocalTrainingBenchmark} measures local LoRA training throughput. Run one
 * with {@code java -cp <benchmarks classes and dependencies> org.openjdk.jmh.Main <name>}.
 */
package dev.ragft.bench;
