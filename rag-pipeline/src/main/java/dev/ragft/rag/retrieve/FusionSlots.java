package dev.ragft.rag.retrieve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lists being fused, laid out for arithmetic: the distinct hits, each given a slot (in the
 * order first seen), and each list's hits as slots and scores. {@link #fuse} then sums weighted
 * (normalized) scores in a {@code double[]} by slot, with no boxed score and no map per list.
 * Hits are told apart by chunk id ({@link #ofHits}) or, for lists from one searcher, by Lucene
 * document ({@link #ofRanked}), which spares hashing the ids.
 */
final class FusionSlots {

  private final List<String> ids;
  /** Each slot's Lucene document, or null when keyed by chunk id. */
  private final int[] docs;
  private final int[][] slots;
  private final double[][] scores;

  private FusionSlots(List<String> ids, int[] docs, int[][] slots, double[][] scores) {
    this.ids = ids;
    this.docs = docs;
    this.slots = slots;
    this.scores = scores;
  }

  /** Lists of hits, told apart by chunk id. */
  static FusionSlots ofHits(List<List<Hit>> lists) {
    int total = 0;
    for (List<Hit> list : lists) {
      total += list.size();
    }
    Map<String, Integer> slotOf = HashMap.newHashMap(total);
    List<String> ids = new ArrayList<>(total);
    int[][] slots = new int[lists.size()][];
    double[][] scores = new double[lists.size()][];
    for (int i = 0; i < lists.size(); i++) {
      List<Hit> list = lists.get(i);
      slots[i] = new int[list.size()];
      scores[i] = new double[list.size()];
      for (int j = 0; j < list.size(); j++) {
        Hit hit = list.get(j);
        Integer slot = slotOf.putIfAbsent(hit.id(), ids.size());
        if (slot == null) {
          slot = ids.size();
          ids.add(hit.id());
        }
        slots[i][j] = slot;
        scores[i][j] = hit.score();
      }
    }
    return new FusionSlots(ids, null, slots, scores);
  }

  /**
   * Lists ranked on one searcher, told apart by Lucene document (one chunk per document, so the
   * same as by chunk id).
   */
  static FusionSlots ofRanked(List<List<Ranked>> lists) {
    int total = 0;
    for (List<Ranked> list : lists) {
      total += list.size();
    }
    // Open addressing on document numbers (Fibonacci hashing): a power of two at least twice
    // the entries.
    int capacity = Integer.highestOneBit(Math.max(2, total) * 2 - 1) << 1;
    int shift = Integer.numberOfLeadingZeros(capacity) + 1;
    int[] table = new int[capacity];
    Arrays.fill(table, -1);
    int[] docs = new int[total];
    List<String> ids = new ArrayList<>(total);
    int[][] slots = new int[lists.size()][];
    double[][] scores = new double[lists.size()][];
    for (int i = 0; i < lists.size(); i++) {
      List<Ranked> list = lists.get(i);
      slots[i] = new int[list.size()];
      scores[i] = new double[list.size()];
      for (int j = 0; j < list.size(); j++) {
        Ranked hit = list.get(j);
        int at = (hit.doc() * 0x9E3779B9) >>> shift;
        while (table[at] >= 0 && docs[table[at]] != hit.doc()) {
          at = (at + 1) & (capacity - 1);
        }
        if (table[at] < 0) {
          table[at] = ids.size();
          docs[ids.size()] = hit.doc();
          ids.add(hit.id());
        }
        slots[i][j] = table[at];
        scores[i][j] = hit.score();
      }
    }
    return new FusionSlots(ids, Arrays.copyOf(docs, ids.size()), slots, scores);
  }

  /** The number of distinct hits. */
  int size() {
    return ids.size();
  }

  /**
   * Every slot's fused score: for {@link Fusion.Rrf}, {@code sum(weight / (k + rank))}; for
   * {@link Fusion.WeightedSum}, the weighted sum of each list's normalized scores, a hit missing
   * from a list (or listed twice: its higher value counts) taking that list's lowest value.
   * Lists are summed in order, starting from zero, so the result is exactly that of the plain
   * definition over maps.
   */
  double[] fuse(Fusion fusion, List<Double> weights) {
    checkWeights(weights);
    double[] fused = new double[size()];
    switch (fusion) {
      case Fusion.Rrf rrf -> {
        for (int i = 0; i < slots.length; i++) {
          int[] listSlots = slots[i];
          double weight = weights.get(i);
          for (int rank = 0; rank < listSlots.length; rank++) {
            fused[listSlots[rank]] += weight / (rrf.k() + rank + 1.0);
          }
        }
      }
      case Fusion.WeightedSum sum -> {
        double[] normalized = new double[size()];
        for (int i = 0; i < slots.length; i++) {
          int[] listSlots = slots[i];
          double[] values = sum.normalization().values(scores[i]);
          Arrays.fill(normalized, Double.NaN);
          for (int j = 0; j < listSlots.length; j++) {
            int slot = listSlots[j];
            normalized[slot] = Double.isNaN(normalized[slot]) ? values[j]
                : Math.max(normalized[slot], values[j]);
          }
          double floor = listSlots.length == 0 ? 0 : Double.POSITIVE_INFINITY;
          for (int slot : listSlots) {
            floor = Math.min(floor, normalized[slot]);
          }
          double weight = weights.get(i);
          for (int slot = 0; slot < fused.length; slot++) {
            fused[slot] += weight * (Double.isNaN(normalized[slot]) ? floor : normalized[slot]);
          }
        }
      }
    }
    return fused;
  }

  /** Every hit with its fused score (by slot), in {@link Hit#ORDER}. */
  List<Hit> sorted(double[] fused) {
    List<Hit> hits = new ArrayList<>(ids.size());
    for (int slot = 0; slot < ids.size(); slot++) {
      hits.add(new Hit(ids.get(slot), fused[slot]));
    }
    hits.sort(Hit.ORDER);
    return hits;
  }

  /** The first {@code k} of {@link #sorted}, as hits. */
  List<Hit> top(double[] fused, int k) {
    int[] best = best(fused, k);
    List<Hit> hits = new ArrayList<>(best.length);
    for (int slot : best) {
      hits.add(new Hit(ids.get(slot), fused[slot]));
    }
    return hits;
  }

  /** The first {@code k} of {@link #sorted}, with their documents; only for {@link #ofRanked}. */
  List<Ranked> topRanked(double[] fused, int k) {
    if (docs == null) {
      throw new IllegalStateException("these lists were told apart by chunk id, not document");
    }
    int[] best = best(fused, k);
    List<Ranked> ranked = new ArrayList<>(best.length);
    for (int slot : best) {
      ranked.add(new Ranked(docs[slot], ids.get(slot), fused[slot]));
    }
    return ranked;
  }

  /**
   * The slots of the first {@code k} in {@link Hit#ORDER}, found by insertion into a list of at
   * most {@code k} (a hybrid query keeps 10 of some 200 hits, so most cost one comparison).
   */
  private int[] best(double[] fused, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, but is: " + k);
    }
    int limit = Math.min(k, ids.size());
    int[] best = new int[limit];
    int count = 0;
    for (int slot = 0; slot < ids.size(); slot++) {
      if (count == limit && !before(slot, best[limit - 1], fused)) {
        continue;
      }
      int at = count < limit ? count++ : limit - 1;
      while (at > 0 && before(slot, best[at - 1], fused)) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = slot;
    }
    return best;
  }

  /** Whether slot {@code a} comes before slot {@code b} in {@link Hit#ORDER}. */
  private boolean before(int a, int b, double[] fused) {
    int byScore = Double.compare(fused[b], fused[a]);
    return byScore < 0 || (byScore == 0 && ids.get(a).compareTo(ids.get(b)) < 0);
  }

  private void checkWeights(List<Double> weights) {
    if (slots.length != weights.size()) {
      throw new IllegalArgumentException("fusion needs one weight per list, but has "
          + weights.size() + " weights for " + slots.length + " lists");
    }
    for (double weight : weights) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("fusion weights must be finite and >= 0, but one is: "
            + weight);
      }
    }
  }
}
