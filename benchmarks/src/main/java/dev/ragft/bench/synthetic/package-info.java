/**
 * Reproducible synthetic corpora for measuring retrieval at scale: Zipfian text for BM25 and
 * clustered unit vectors shaped like bge-small-en-v1.5's for dense search, every chunk a pure
 * function of a seed and its index ({@link dev.ragft.bench.synthetic.SyntheticCorpus}); their
 * ragft indexes, built once and reused ({@link dev.ragft.bench.synthetic.SyntheticIndexes}); the
 * exact answers recall is measured against ({@link dev.ragft.bench.synthetic.ExactAnswers}); and
 * a stand-in embedding model that knows the queries' vectors and can pay a real model's cost
 * ({@link dev.ragft.bench.synthetic.SyntheticEmbedder}).
 */
package dev.ragft.bench.synthetic;
