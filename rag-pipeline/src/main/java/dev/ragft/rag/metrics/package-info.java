/**
 * Retrieval quality measured the way {@code trec_eval} measures it, so numbers can be set beside
 * published ones: each query's ranking is re-sorted by score (descending) with ties broken by
 * document id in descending string order, gains are the graded judgments, unjudged documents are
 * not relevant, and the mean runs over every judged query that has at least one relevant document
 * (a query the run misses counts as zero). {@link dev.ragft.rag.metrics.TrecEval} computes nDCG@k,
 * Recall@k and MRR@k; {@link dev.ragft.rag.metrics.TrecRunWriter} writes standard run files and
 * {@link dev.ragft.rag.metrics.TrecRunReader} reads them; {@link dev.ragft.rag.metrics.RunComparison}
 * sets two runs side by side per query, with {@link dev.ragft.rag.metrics.PairedRandomization}'s
 * p-value for each metric's difference.
 */
package dev.ragft.rag.metrics;
