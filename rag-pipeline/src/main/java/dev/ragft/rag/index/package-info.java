/**
 * One on-disk Lucene index per corpus, holding both halves of hybrid retrieval: a BM25 text field
 * (analyzer, k1 and b configurable) and one HNSW vector field per embedding model (M, beam width and
 * optional scalar quantization configurable), with every chunk's fields stored so results can be
 * cited. Updates are incremental and keyed by document id: a new version of a document replaces all
 * of its chunks in one atomic operation, unchanged documents (same content hash and chunking) are
 * skipped, and a run killed mid-way leaves the last commit readable and resumes without duplicates.
 *
 * <p>{@link dev.ragft.rag.index.Indexer} builds and updates an index;
 * {@link dev.ragft.rag.index.CorpusIndex} opens one for searching;
 * {@link dev.ragft.rag.index.IndexSettings} is what an index was built with, kept beside it in
 * {@code ragft-index.json}.
 */
package dev.ragft.rag.index;
