package dev.ragft.rag.retrieve;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One query's lists before fusion, as a {@link HybridRetriever} searched them on one searcher:
 * kept so that they can be fused with many weightings (weight tuning) at the cost of one search.
 * With {@link VectorFeedback}, the lists searched again for a set of feedback chunks are kept
 * too, so each distinct set is searched once however many weightings lead to it. Valid only with
 * the searcher that made it; not thread-safe.
 */
public final class QueryLists {

  private final List<List<Ranked>> lists;
  private final float[][] queryVectors;
  private final Filter filter;
  private final int depth;
  private final Map<List<Integer>, List<List<Ranked>>> feedback = new HashMap<>();

  QueryLists(List<List<Ranked>> lists, float[][] queryVectors, Filter filter, int depth) {
    this.lists = List.copyOf(lists);
    this.queryVectors = queryVectors;
    this.filter = filter;
    this.depth = depth;
  }

  /** The first lists, one per retriever, in the order of the retrievers. */
  List<List<Ranked>> lists() {
    return lists;
  }

  /** Retriever {@code i}'s query vector when it is dense and feedback is on, else null. */
  float[] queryVector(int i) {
    return queryVectors[i];
  }

  /** Whether any list can be searched again with feedback. */
  boolean hasQueryVectors() {
    for (float[] vector : queryVectors) {
      if (vector != null) {
        return true;
      }
    }
    return false;
  }

  /** The filter of the query. */
  Filter filter() {
    return filter;
  }

  /** How deep each list goes. */
  int depth() {
    return depth;
  }

  /** The lists searched again for these feedback chunks, searched once per distinct set. */
  List<List<Ranked>> withFeedback(List<Ranked> seeds, Supplier<List<List<Ranked>>> search) {
    int[] docs = new int[seeds.size()];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = seeds.get(i).doc();
    }
    Arrays.sort(docs);
    return feedback.computeIfAbsent(Arrays.stream(docs).boxed().toList(), key -> search.get());
  }
}
