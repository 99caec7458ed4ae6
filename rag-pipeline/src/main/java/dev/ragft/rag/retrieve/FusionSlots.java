package dev.ragft.rag.retrieve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct ids of the lists being fused, each given a slot (in the order first seen), and each
 * list's hits as slots: fusion then sums scores in a {@code double[]} by slot, with one map
 * lookup per hit and no boxed score.
 */
final class FusionSlots {

  private final List<String> ids;
  private final int[][] slots;

  FusionSlots(List<List<Hit>> lists) {
    int total = 0;
    for (List<Hit> list : lists) {
      total += list.size();
    }
    Map<String, Integer> slotOf = HashMap.newHashMap(total);
    ids = new ArrayList<>(total);
    slots = new int[lists.size()][];
    for (int i = 0; i < lists.size(); i++) {
      List<Hit> list = lists.get(i);
      int[] listSlots = new int[list.size()];
      for (int j = 0; j < listSlots.length; j++) {
        String id = list.get(j).id();
        Integer slot = slotOf.putIfAbsent(id, ids.size());
        if (slot == null) {
          slot = ids.size();
          ids.add(id);
        }
        listSlots[j] = slot;
      }
      slots[i] = listSlots;
    }
  }

  /** The number of distinct ids. */
  int size() {
    return ids.size();
  }

  /** The slot of each hit of list {@code list}, in list order. */
  int[] of(int list) {
    return slots[list];
  }

  /** Every id with its fused score (by slot), in {@link Hit#ORDER}. */
  List<Hit> sorted(double[] fused) {
    List<Hit> hits = new ArrayList<>(ids.size());
    for (int slot = 0; slot < ids.size(); slot++) {
      hits.add(new Hit(ids.get(slot), fused[slot]));
    }
    hits.sort(Hit.ORDER);
    return hits;
  }

  /**
   * The first {@code k} of {@link #sorted}, found by insertion into a list of at most {@code k}
   * (a hybrid query keeps 10 of some 200 ids, so most ids cost one comparison).
   */
  List<Hit> top(double[] fused, int k) {
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
    List<Hit> hits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      hits.add(new Hit(ids.get(best[i]), fused[best[i]]));
    }
    return hits;
  }

  /** Whether slot {@code a} comes before slot {@code b} in {@link Hit#ORDER}. */
  private boolean before(int a, int b, double[] fused) {
    int byScore = Double.compare(fused[b], fused[a]);
    return byScore < 0 || (byScore == 0 && ids.get(a).compareTo(ids.get(b)) < 0);
  }
}
