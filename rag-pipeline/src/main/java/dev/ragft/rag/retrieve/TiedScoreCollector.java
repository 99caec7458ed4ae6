package dev.ragft.rag.retrieve;

import dev.ragft.rag.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Collects, of the documents scoring exactly {@code score}, the {@code limit} with the smallest
 * chunk ids, and counts the documents scoring above it. It tells the scorer to skip every
 * document scoring below {@code score}, so Lucene's dynamic pruning works from the first
 * document; chunk ids are compared by their doc-values ordinals within a segment (which follow
 * the ids' byte order, as a sort on the field does) and only the kept ones are looked up. Not
 * thread-safe: one collector per single-threaded search.
 */
final class TiedScoreCollector implements Collector {

  private final float score;
  private final int limit;
  private final List<Tied> kept = new ArrayList<>();
  private long above;
  private long tied;

  /**
   * A document scoring exactly the tied score.
   *
   * @param doc the Lucene document, in the top-level reader
   * @param id its chunk id
   */
  record Tied(int doc, String id) {
  }

  TiedScoreCollector(float score, int limit) {
    this.score = score;
    this.limit = limit;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.TOP_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    SortedDocValues[] ids = {context.reader().getSortedDocValues(Fields.CHUNK_ID)};
    // The largest of the smallest ordinals so far on top: the next smaller one replaces it.
    PriorityQueue<long[]> smallest = new PriorityQueue<>(limit + 1,
        (a, b) -> Long.compare(b[0], a[0]));
    int base = context.docBase;
    return new LeafCollector() {
      private Scorable scorer;

      @Override
      public void setScorer(Scorable value) throws IOException {
        scorer = value;
        scorer.setMinCompetitiveScore(score);
      }

      @Override
      public void collect(int doc) throws IOException {
        float value = scorer.score();
        if (value > score) {
          above++;
        } else if (value == score) {
          tied++;
          if (ids[0] != null && doc <= ids[0].docID()) {
            // Doc values go forwards only; a scorer that collects out of order gets a fresh one.
            ids[0] = context.reader().getSortedDocValues(Fields.CHUNK_ID);
          }
          if (ids[0] == null || !ids[0].advanceExact(doc)) {
            throw new IllegalStateException("Lucene document " + (base + doc)
                + " has no chunk id; is this a ragft index?");
          }
          smallest.add(new long[] {ids[0].ordValue(), doc});
          if (smallest.size() > limit) {
            smallest.poll();
          }
        }
      }

      @Override
      public void finish() throws IOException {
        for (long[] entry : smallest) {
          BytesRef id = ids[0].lookupOrd((int) entry[0]);
          kept.add(new Tied(base + (int) entry[1], id.utf8ToString()));
        }
      }
    };
  }

  /** The documents scoring above the tied score. */
  long above() {
    return above;
  }

  /** The documents scoring exactly the tied score. */
  long tied() {
    return tied;
  }

  /**
   * The tied documents with the {@code limit} smallest chunk ids, over every segment, in the
   * ids' byte order (as Lucene sorts the field).
   */
  List<Tied> smallest() {
    List<Tied> all = new ArrayList<>(kept);
    all.sort((a, b) -> new BytesRef(a.id()).compareTo(new BytesRef(b.id())));
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }
}
