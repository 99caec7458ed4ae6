package dev.ragft.eval.demo;

import dev.ragft.datasets.cases.FailureCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Which failure cases each corpus version of the demo asks: a seeded sample, stratified so that
 * every category keeps its share. The cases that hold in every version are drawn once and asked in
 * both runs, so the two runs compare on them (and replies without context come from the response
 * cache the second time); each version adds its own version-specific cases, the ones about facts
 * that changed.
 */
final class DemoCases {

  private DemoCases() {
  }

  /**
   * The ids asked for {@code version}: all cases that apply to it when {@code perVersion} is
   * null, else about {@code perVersion} of them.
   *
   * @param cases every case of the scenario
   * @param versions every corpus version of the scenario
   * @param version the version asked
   * @param perVersion the cases wanted per version, or null for all
   * @param seed the sampling seed
   */
  static List<String> select(List<FailureCase> cases, List<String> versions, String version,
      Integer perVersion, long seed) {
    List<FailureCase> common = cases.stream().filter(c -> c.corpusVersion().isEmpty()).toList();
    List<FailureCase> specific = cases.stream()
        .filter(c -> c.corpusVersion().map(version::equals).orElse(false)).toList();
    if (perVersion == null) {
      return ids(concat(common, specific));
    }
    // The common share is the same for every version: the mean version's share of the cases.
    double meanSpecific = versions.stream().mapToLong(v -> cases.stream()
        .filter(c -> c.corpusVersion().map(v::equals).orElse(false)).count()).average()
        .orElse(0);
    int commonWanted = (int) Math.round(perVersion * common.size()
        / (common.size() + meanSpecific));
    List<FailureCase> chosen = concat(stratified(common, commonWanted, seed),
        stratified(specific, perVersion - commonWanted, seed + 1));
    return ids(chosen);
  }

  /**
   * About {@code wanted} cases of {@code pool}, each category getting its share by largest
   * remainder, the cases of a category drawn by a seeded shuffle of the id-sorted list.
   */
  static List<FailureCase> stratified(List<FailureCase> pool, int wanted, long seed) {
    if (wanted >= pool.size()) {
      return pool;
    }
    if (wanted <= 0) {
      return List.of();
    }
    Map<String, List<FailureCase>> byCategory = new TreeMap<>();
    for (FailureCase c : pool) {
      byCategory.computeIfAbsent(c.category().wireName(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Integer> quota = new TreeMap<>();
    Map<String, Double> remainder = new TreeMap<>();
    int given = 0;
    for (Map.Entry<String, List<FailureCase>> entry : byCategory.entrySet()) {
      double exact = (double) wanted * entry.getValue().size() / pool.size();
      quota.put(entry.getKey(), (int) exact);
      remainder.put(entry.getKey(), exact - (int) exact);
      given += (int) exact;
    }
    List<String> byRemainder = new ArrayList<>(remainder.keySet());
    byRemainder.sort(Comparator.comparing((String k) -> remainder.get(k)).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (int i = 0; given < wanted; i = (i + 1) % byRemainder.size()) {
      String category = byRemainder.get(i);
      if (quota.get(category) < byCategory.get(category).size()) {
        quota.merge(category, 1, Integer::sum);
        given++;
      }
    }
    List<FailureCase> chosen = new ArrayList<>();
    for (Map.Entry<String, List<FailureCase>> entry : byCategory.entrySet()) {
      List<FailureCase> shuffled = new ArrayList<>(entry.getValue());
      shuffled.sort(Comparator.comparing(FailureCase::id));
      Collections.shuffle(shuffled, new Random(seed ^ entry.getKey().hashCode()));
      chosen.addAll(shuffled.subList(0, quota.get(entry.getKey())));
    }
    return chosen;
  }

  private static List<FailureCase> concat(List<FailureCase> a, List<FailureCase> b) {
    List<FailureCase> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> ids(List<FailureCase> cases) {
    return cases.stream().map(FailureCase::id).sorted().toList();
  }
}
