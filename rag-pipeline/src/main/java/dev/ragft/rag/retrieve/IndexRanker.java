package dev.ragft.rag.retrieve;

import dev.ragft.rag.index.CorpusIndex;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/**
 * A retriever over one index that ranks on a searcher its caller holds. {@link HybridRetriever}
 * runs every list on one searcher this way, so the lists' Lucene documents all belong to one
 * commit and the chunks it returns are read by document, without looking their ids up again.
 */
interface IndexRanker {

  /** The index searched. */
  CorpusIndex index();

  /**
   * The top {@code k} for the query on {@code searcher} (a searcher of {@link #index()}), in
   * {@link Ranked#ORDER}; no stored fields are read.
   */
  List<Ranked> ranked(IndexSearcher searcher, RetrievalQuery query, int k);
}
