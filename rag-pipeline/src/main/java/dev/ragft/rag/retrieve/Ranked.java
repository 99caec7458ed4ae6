package dev.ragft.rag.retrieve;

import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.index.CorpusIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/**
 * A hit of an index search before its chunk is read: the Lucene document (of the searcher that
 * found it), its chunk id and its score.
 *
 * @param doc the Lucene document in the searcher's top-level reader
 * @param id the chunk id
 * @param score the score, higher better
 */
record Ranked(int doc, String id, double score) {

  /** {@link ScoredChunk#ORDER} on ids: score descending, then chunk id ascending. */
  static final Comparator<Ranked> ORDER =
      Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::id);

  /** The ranked documents' chunks, read from {@code searcher}, with their scores, in order. */
  static List<ScoredChunk> read(IndexSearcher searcher, List<Ranked> ranked) {
    int[] docs = new int[ranked.size()];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = ranked.get(i).doc();
    }
    List<Chunk> chunks = CorpusIndex.chunks(searcher, docs);
    List<ScoredChunk> results = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      results.add(new ScoredChunk(chunks.get(i), ranked.get(i).score()));
    }
    return results;
  }

  /**
   * Puts a list that is already in descending score order (as Lucene returns hits) into
   * {@link #ORDER} by sorting each run of equal scores by id; a list that is not in descending
   * score order is sorted in full.
   */
  static void sortTies(List<Ranked> ranked) {
    int n = ranked.size();
    int start = 0;
    while (start < n) {
      double score = ranked.get(start).score();
      int end = start + 1;
      while (end < n && Double.compare(ranked.get(end).score(), score) == 0) {
        end++;
      }
      if (end < n && Double.compare(ranked.get(end).score(), score) > 0) {
        ranked.sort(ORDER);
        return;
      }
      if (end - start > 1) {
        ranked.subList(start, end).sort(ORDER);
      }
      start = end;
    }
  }

  /** The id and score. */
  Hit hit() {
    return new Hit(id, score);
  }
}
