package dev.ragft.rag.retrieve;

import dev.ragft.rag.index.ChunkIdTable;
import dev.ragft.rag.index.CorpusIndex;
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

/**
 * Collects the top {@code k} documents in {@link Ranked#ORDER} (score descending, then chunk id
 * ascending) in one pass. Once it holds {@code k} documents it tells the scorer the lowest score
 * it holds as the minimum competitive score, so Lucene skips every document scoring below it, as
 * its own top-k collector does; unlike Lucene's, it keeps documents scoring exactly that much,
 * since a smaller chunk id wins a tie. Chunk ids are read only for documents that enter the top
 * {@code k} or tie with its last one, from the index's {@link ChunkIdTable id tables}. Not
 * thread-safe: one collector per single-threaded search.
 */
final class ScoreThenIdCollector implements Collector {

  private final CorpusIndex index;
  private final int k;
  /** The worst document held on top: the lowest score, then the largest id. */
  private final PriorityQueue<Ranked> top;

  /**
   * A collector of the top {@code k}.
   *
   * @param index the index searched, for its chunk-id tables
   * @param k how many documents to keep, at least 1
   */
  ScoreThenIdCollector(CorpusIndex index, int k) {
    this.index = index;
    this.k = k;
    this.top = new PriorityQueue<>(Math.min(k, 1024) + 1, Ranked.ORDER.reversed());
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.TOP_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    ChunkIdTable table = index.idTable(context);
    int base = context.docBase;
    return new LeafCollector() {
      private Scorable scorer;
      private SortedDocValues values;
      private float minCompetitive = Float.NEGATIVE_INFINITY;

      @Override
      public void setScorer(Scorable value) throws IOException {
        scorer = value;
        minCompetitive = Float.NEGATIVE_INFINITY;
        raiseMinimum();
      }

      @Override
      public void collect(int doc) throws IOException {
        float score = scorer.score();
        if (top.size() == k) {
          Ranked worst = top.peek();
          if (score < worst.score()) {
            return;
          }
          if (score == worst.score() && losesTieByOrdinal(doc, worst.doc())) {
            return;
          }
          String id = id(doc);
          if (score == worst.score() && id.compareTo(worst.id()) >= 0) {
            return;
          }
          top.poll();
          top.add(new Ranked(base + doc, id, score));
        } else {
          top.add(new Ranked(base + doc, id(doc), score));
        }
        raiseMinimum();
      }

      /**
       * Whether {@code doc} loses a tie with {@code worst} (a top-level document) by comparing
       * ordinals, with no id read: only when both are in this segment and its ordinals order ids
       * as strings do; false means the ids must be compared.
       */
      private boolean losesTieByOrdinal(int doc, int worst) {
        int worstInSegment = worst - base;
        return table != null && table.ordersLikeStrings() && worstInSegment >= 0
            && worstInSegment < context.reader().maxDoc()
            && table.ordOf(doc) > table.ordOf(worstInSegment);
      }

      private void raiseMinimum() throws IOException {
        if (top.size() == k && top.peek().score() > minCompetitive) {
          minCompetitive = (float) top.peek().score();
          scorer.setMinCompetitiveScore(minCompetitive);
        }
      }

      private String id(int doc) throws IOException {
        if (table != null) {
          return table.idOf(doc);
        }
        if (values == null || doc <= values.docID()) {
          // Doc values go forwards only; a scorer that collects out of order gets a fresh one.
          values = context.reader().getSortedDocValues(Fields.CHUNK_ID);
        }
        if (values == null || !values.advanceExact(doc)) {
          throw new IllegalStateException("Lucene document " + (base + doc)
              + " has no chunk id; is this a ragft index?");
        }
        return values.lookupOrd(values.ordValue()).utf8ToString();
      }
    };
  }

  /** The documents collected, in {@link Ranked#ORDER}. */
  List<Ranked> top() {
    List<Ranked> ranked = new ArrayList<>(top);
    ranked.sort(Ranked.ORDER);
    return ranked;
  }
}
