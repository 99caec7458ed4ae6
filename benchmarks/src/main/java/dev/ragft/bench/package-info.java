/**
 * ragft's JMH benchmarks: retrieval latency next to retrieval quality, and indexing throughput,
 * each measured against a baseline in the same run. {@link dev.ragft.bench.DenseSearchBenchmark},
 * {@link dev.ragft.bench.Bm25SearchBenchmark} and {@link dev.ragft.bench.HybridSearchBenchmark}
 * search synthetic corpora of 10k to 1M chunks against plain Lucene doing the same work;
 * {@link dev.ragft.bench.ExactScanBenchmark} is the exact-search floor;
 * {@link dev.ragft.bench.QueryEmbeddingBenchmark} and
 * {@link dev.ragft.bench.ScifactRetrievalBenchmark} use real text and the real embedding model;
 * {@link dev.ragft.bench.IndexingBenchmark} times indexing against the embedding model alone.
 * {@link dev.ragft.bench.LlamaCppGenerationBenchmark} measures in-process generation against
 * llama.cpp's own timing of the same requests (the binding's overhead), and
 * {@link dev.ragft.bench.LocalTrainingBenchmark} local LoRA training throughput.
 * Every benchmark writes its configuration's quality (recall@10 against exact search and the
 * like) once, untimed, through {@link dev.ragft.bench.quality.QualityLedger}, and
 * {@link dev.ragft.bench.report.BenchReport} joins the two into {@code docs/benchmarks.md}.
 *
 * <p>A new benchmark (the evaluation harness's replay, say) is a class here with its own
 * {@code @State}, parameters and baseline method, a quality row if it has a quality side, a
 * section in {@link dev.ragft.bench.report.Sections}, and a line in {@code benchmarks/run.sh}.
 */
package dev.ragft.bench;
