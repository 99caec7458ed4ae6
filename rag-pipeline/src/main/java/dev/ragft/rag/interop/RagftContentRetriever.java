package dev.ragft.rag.interop;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.retrieve.Filter;
import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.Retriever;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ragft retriever as a LangChain4j {@link ContentRetriever}. Each content's text segment is the
 * chunk text; its metadata carries {@code chunk_id}, {@code doc_id}, {@code source},
 * {@code version}, {@code title}, {@code start}, {@code end} and the chunk's own metadata, so
 * citations survive the trip; the retrieval score is the content's {@link ContentMetadata#SCORE}.
 */
public final class RagftContentRetriever implements ContentRetriever {

  private final Retriever retriever;
  private final int maxResults;
  private final Filter filter;

  /**
   * Wraps a retriever.
   *
   * @param retriever the ragft retriever
   * @param maxResults how many contents each query returns, at least 1
   * @param filter applied to every query
   */
  public RagftContentRetriever(Retriever retriever, int maxResults, Filter filter) {
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    this.filter = Objects.requireNonNull(filter, "filter");
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults must be >= 1, but is: " + maxResults);
    }
    this.maxResults = maxResults;
  }

  @Override
  public List<Content> retrieve(Query query) {
    List<ScoredChunk> results = retriever.retrieve(new RetrievalQuery(query.text(), filter),
        maxResults);
    List<Content> contents = new ArrayList<>(results.size());
    for (ScoredChunk scored : results) {
      contents.add(Content.from(segment(scored.chunk()),
          Map.of(ContentMetadata.SCORE, scored.score())));
    }
    return contents;
  }

  /** The LangChain4j text segment of a chunk, with its provenance as metadata. */
  public static TextSegment segment(Chunk chunk) {
    Metadata metadata = new Metadata();
    chunk.metadata().forEach(metadata::put);
    metadata.put("chunk_id", chunk.id());
    metadata.put("doc_id", chunk.docId());
    metadata.put("source", chunk.source());
    metadata.put("version", chunk.version());
    metadata.put("title", chunk.title());
    metadata.put("start", chunk.start());
    metadata.put("end", chunk.end());
    return TextSegment.from(chunk.text(), metadata);
  }
}
