/**
 * Cutting documents into chunks for retrieval. A {@link dev.ragft.rag.chunk.Chunker} turns a
 * {@link dev.ragft.rag.load.Document} into {@link dev.ragft.rag.chunk.Chunk}s whose character
 * offsets point back into the document text, for citations. Sizes are measured in the embedding
 * model's own tokens ({@link dev.ragft.rag.token.Tokenizer}). Four chunkers:
 * {@link dev.ragft.rag.chunk.TokenWindowChunker} (fixed windows with overlap),
 * {@link dev.ragft.rag.chunk.RecursiveChunker} (paragraph, sentence, line, word),
 * {@link dev.ragft.rag.chunk.MarkdownHeadingChunker} (sections with their heading path) and
 * {@link dev.ragft.rag.chunk.SentenceWindowChunker} (one sentence, with a window of neighbours).
 * {@link dev.ragft.rag.chunk.Chunkers} makes one from a {@link dev.ragft.rag.chunk.ChunkerConfig}.
 *
 * <pre>{@code
 * ChunkerConfig config = ChunkerConfig.builder().type(ChunkerType.FIXED).size(200).build();
 * try (HfTokenizer tokenizer = HfTokenizer.forModel(config.tokenizer())) {
 *   Chunker chunker = Chunkers.create(config, tokenizer);
 *   List<Chunk> chunks = chunker.chunk(document);
 * }
 * }</pre>
 */
package dev.ragft.rag.chunk;
