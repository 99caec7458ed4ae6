/**
 * Text embeddings computed in-process. The models are the ONNX exports that LangChain4j publishes
 * on Maven Central (bge-small-en-v1.5 quantized by default; bge-small-en-v1.5, all-MiniLM-L6-v2 and
 * e5-small-v2 selectable), run here through ONNX Runtime in length-sorted batches, with each model's
 * own pooling and its query and passage prefixes applied in one place
 * ({@link dev.ragft.rag.embed.EmbeddingModelSpec}). {@link dev.ragft.rag.embed.EmbeddingCache}
 * keeps vectors on disk keyed by model and text hash, so re-indexing unchanged text costs nothing.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * try (Embedder embedder = OnnxEmbedder.open(EmbeddingModelSpec.byName("bge-small-en-v1.5-q"))) {
 *   float[] query = embedder.embedQuery("refund window for annual plans");
 *   float[][] passages = embedder.embedPassages(List.of("Refunds are possible within 30 days."));
 * }
 * }</pre>
 */
package dev.ragft.rag.embed;
