/**
 * Retrieval: {@code bm25}, {@code dense} and {@code hybrid}. Every {@link
 * dev.ragft.rag.retrieve.Retriever} returns chunks in one order, score descending with ties broken
 * by chunk id, so results are deterministic. Hybrid retrieval fuses ranked lists with {@link
 * dev.ragft.rag.retrieve.Fusion}: reciprocal rank fusion, or a weighted sum of normalized scores,
 * never raw scores added, optionally with {@link dev.ragft.rag.retrieve.VectorFeedback} (the top
 * fused chunks move the dense queries, which are searched again). {@link
 * dev.ragft.rag.retrieve.Filter} restricts any retriever to a source,
 * a version, or chunk metadata values.
 */
package dev.ragft.rag.retrieve;
