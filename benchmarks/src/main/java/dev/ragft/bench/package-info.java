/**
 * JMH benchmarks. Run one with {@code java -cp <benchmarks classes and dependencies>
 * org.openjdk.jmh.Main <name>}; see {@code docs/local-training.md} for the training benchmark.
 */
package dev.ragft.bench;
