package dev.ragft.rag.retrieve;

import dev.ragft.rag.index.ChunkIdTable;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.PriorityQueue;

/**
 * Collects the top {@code k} documents in {@link Ranked#ORDER} (score descending, then chunk id
 * ascending) in one pass. Once it holds {@code k} documents it tells the scorer the lowest score
 * it holds as the minimum competitive score, so Lucene skips every document scoring below it, as
 * its own top-k collector does; unlike Lucene's, it keeps documents scoring exactly that much,
 * since a smaller chunk id wins a tie. A chunk id is read only when a tie has to be settled (and
 * not even then between segments whose ids are ASCII: their doc-values ordinals order them inside
 * a segment, their bytes across segments) and
 * for the {@code k} documents returned, from the index's {@link ChunkIdTable id tables}; the
 * documents passed over on the way cost no allocation. Not thread-safe: one collector per
 * single-threaded search.
 */
final class ScoreThenIdCollector implements Collector {

  private final CorpusIndex index;
  private final int k;
  /** The worst document held on top: the lowest score, then the largest id. */
  private final PriorityQueue<Entry> top;
  /** The segments seen, in the order searched (ascending document base), and their id tables. */
  private final List<LeafReaderContext> leaves = new ArrayList<>();
  private final List<ChunkIdTable> tables = new ArrayList<>();
  private final Entry candidate = new Entry(0, 0);

  /**
   * A collector of the top {@code k}.
   *
   * @param index the index searched, for its chunk-id tables
   * @param k how many documents to keep, at least 1
   */
  ScoreThenIdCollector(CorpusIndex index, int k) {
    this.index = index;
    this.k = k;
    this.top = new PriorityQueue<>(k) {
      @Override
      protected boolean lessThan(Entry a, Entry b) {
        return a.score < b.score || (a.score == b.score && compareIds(a, b) > 0);
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.TOP_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    leaves.add(context);
    tables.add(index.idTable(context));
    int base = context.docBase;
    return new LeafCollector() {
      private Scorable scorer;
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
        if (top.size() < k) {
          top.add(new Entry(score, base + doc));
          raiseMinimum();
          return;
        }
        Entry worst = top.top();
        if (score < worst.score) {
          return;
        }
        candidate.score = score;
        candidate.doc = base + doc;
        candidate.id = null;
        if (score == worst.score && compareIds(candidate, worst) >= 0) {
          return;
        }
        worst.score = score;
        worst.doc = candidate.doc;
        worst.id = candidate.id;
        top.updateTop();
        raiseMinimum();
      }

      private void raiseMinimum() throws IOException {
        if (top.size() == k && top.top().score > minCompetitive) {
          minCompetitive = top.top().score;
          scorer.setMinCompetitiveScore(minCompetitive);
        }
      }
    };
  }

  /**
   * The documents collected, in {@link Ranked#ORDER}: the heap's own order, popped worst first.
   * Empties the collector, so call it once, after the search.
   */
  List<Ranked> top() {
    Ranked[] ranked = new Ranked[top.size()];
    for (int i = ranked.length - 1; i >= 0; i--) {
      Entry entry = top.pop();
      ranked[i] = new Ranked(entry.doc, id(entry), entry.score);
    }
    return Arrays.asList(ranked);
  }

  /**
   * Compares two documents' chunk ids as strings: by ordinal inside one segment of ASCII ids, by
   * their bytes across two such segments, else as strings.
   */
  private int compareIds(Entry a, Entry b) {
    int leafA = leafOf(a.doc);
    int leafB = leafOf(b.doc);
    ChunkIdTable tableA = tables.get(leafA);
    ChunkIdTable tableB = tables.get(leafB);
    if (tableA != null && tableB != null && tableA.ordersLikeStrings()
        && tableB.ordersLikeStrings()) {
      int docA = a.doc - leaves.get(leafA).docBase;
      int docB = b.doc - leaves.get(leafB).docBase;
      return leafA == leafB ? Integer.compare(tableA.ordOf(docA), tableA.ordOf(docB))
          : tableA.compareAscii(docA, tableB, docB);
    }
    return id(a).compareTo(id(b));
  }

  /** The entry's chunk id, read once. */
  private String id(Entry entry) {
    if (entry.id == null) {
      int leaf = leafOf(entry.doc);
      LeafReaderContext context = leaves.get(leaf);
      ChunkIdTable table = tables.get(leaf);
      entry.id = table != null ? table.idOf(entry.doc - context.docBase)
          : idFromDocValues(context, entry.doc - context.docBase);
    }
    return entry.id;
  }

  private static String idFromDocValues(LeafReaderContext context, int doc) {
    try {
      SortedDocValues values = context.reader().getSortedDocValues(Fields.CHUNK_ID);
      if (values == null || !values.advanceExact(doc)) {
        throw new IllegalStateException("Lucene document " + (context.docBase + doc)
            + " has no chunk id; is this a ragft index?");
      }
      return values.lookupOrd(values.ordValue()).utf8ToString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a chunk id: " + e.getMessage(), e);
    }
  }

  /** The index in {@link #leaves} of the segment holding top-level document {@code doc}. */
  private int leafOf(int doc) {
    int low = 0;
    int high = leaves.size() - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (leaves.get(middle).docBase <= doc) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  /** A collected document: its top-level number, score, and chunk id once read. */
  private static final class Entry {
    float score;
    int doc;
    String id;

    Entry(float score, int doc) {
      this.score = score;
      this.doc = doc;
    }
  }
}
