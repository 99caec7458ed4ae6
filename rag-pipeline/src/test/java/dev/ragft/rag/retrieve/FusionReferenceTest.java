package dev.ragft.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fusion sums scores by slot in arrays; this checks it gives exactly (to the last bit) what the
 * plain definition over maps of ids gives, in full and as the top k (by id and by Lucene
 * document), on random lists with overlaps, tied scores, ids listed
 * twice, empty lists and zero weights.
 */
class FusionReferenceTest {

  static Stream<Fusion> fusions() {
    return Stream.of(new Fusion.Rrf(60), new Fusion.Rrf(0),
        new Fusion.WeightedSum(Fusion.Normalization.MIN_MAX),
        new Fusion.WeightedSum(Fusion.Normalization.Z_SCORE));
  }

  @ParameterizedTest
  @MethodSource("fusions")
  void array_fusion_equals_the_map_definition_bit_for_bit(Fusion fusion) {
    SplittableRandom random = new SplittableRandom(20_261_122L);
    for (int round = 0; round < 500; round++) {
      int listCount = 1 + random.nextInt(4);
      List<List<Hit>> lists = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (int i = 0; i < listCount; i++) {
        lists.add(randomList(random));
        weights.add(random.nextInt(5) == 0 ? 0.0 : random.nextDouble() * 2);
      }
      List<Hit> expected = reference(fusion, lists, weights);
      assertThat(fusion.fuse(lists, weights))
          .as("round %d: %s", round, lists)
          .isEqualTo(expected);
      int k = 1 + random.nextInt(12);
      assertThat(fusion.top(lists, weights, k))
          .as("round %d, top %d: %s", round, k, lists)
          .isEqualTo(expected.subList(0, Math.min(k, expected.size())));
      // The same lists as one searcher ranks them, told apart by Lucene document.
      List<List<Ranked>> ranked = lists.stream().map(list -> list.stream()
          .map(hit -> new Ranked(docOf(hit.id()), hit.id(), hit.score())).toList()).toList();
      FusionSlots slots = FusionSlots.ofRanked(ranked);
      List<Ranked> top = slots.topRanked(slots.fuse(fusion, weights), k);
      assertThat(top).extracting(Ranked::hit)
          .as("round %d, top %d by document: %s", round, k, lists)
          .isEqualTo(expected.subList(0, Math.min(k, expected.size())));
      assertThat(top).allSatisfy(hit -> assertThat(hit.doc()).isEqualTo(docOf(hit.id())));
    }
  }

  /** A Lucene document per id, spread out so that the document table's probing is exercised. */
  private static int docOf(String id) {
    return Integer.parseInt(id.substring(1)) * 1_048_573 % 2_000_003;
  }

  private static List<Hit> randomList(SplittableRandom random) {
    int size = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(40);
    List<Hit> list = new ArrayList<>();
    double score = random.nextDouble() * 20;
    for (int i = 0; i < size; i++) {
      // Ties are common (a coarse step of zero), and an id may appear twice.
      score -= random.nextInt(3) == 0 ? 0 : Math.floor(random.nextDouble() * 8) / 4;
      list.add(new Hit("c" + random.nextInt(60), score));
    }
    list.sort(Hit.ORDER);
    return list;
  }

  /**
   * One list's normalized scores by id, as documented on {@link Fusion.Normalization} (written
   * out here, not taken from the code under test); an id listed twice keeps its higher value.
   */
  private static Map<String, Double> normalize(Fusion.Normalization normalization,
      List<Hit> list) {
    Map<String, Double> out = new HashMap<>();
    if (list.isEmpty()) {
      return out;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (Hit hit : list) {
      min = Math.min(min, hit.score());
      max = Math.max(max, hit.score());
      sum += hit.score();
    }
    double mean = sum / list.size();
    double squares = 0;
    for (Hit hit : list) {
      squares += (hit.score() - mean) * (hit.score() - mean);
    }
    double std = Math.sqrt(squares / list.size());
    for (Hit hit : list) {
      double value = switch (normalization) {
        case MIN_MAX -> max == min ? 1.0 : (hit.score() - min) / (max - min);
        case Z_SCORE -> std == 0 ? 0.0 : (hit.score() - mean) / std;
      };
      out.merge(hit.id(), value, Math::max);
    }
    return out;
  }

  /** Fusion as defined: one map of ids per list, one fused map, every id sorted. */
  private static List<Hit> reference(Fusion fusion, List<List<Hit>> lists, List<Double> weights) {
    Map<String, Double> fused = new HashMap<>();
    switch (fusion) {
      case Fusion.Rrf rrf -> {
        for (int i = 0; i < lists.size(); i++) {
          List<Hit> list = lists.get(i);
          for (int rank = 0; rank < list.size(); rank++) {
            fused.merge(list.get(rank).id(), weights.get(i) / (rrf.k() + rank + 1.0),
                Double::sum);
          }
        }
      }
      case Fusion.WeightedSum sum -> {
        List<Map<String, Double>> normalized = new ArrayList<>();
        double[] floor = new double[lists.size()];
        for (int i = 0; i < lists.size(); i++) {
          Map<String, Double> scores = normalize(sum.normalization(), lists.get(i));
          normalized.add(scores);
          floor[i] = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
          scores.keySet().forEach(id -> fused.put(id, 0.0));
        }
        for (Map.Entry<String, Double> entry : fused.entrySet()) {
          double total = 0;
          for (int i = 0; i < lists.size(); i++) {
            total += weights.get(i) * normalized.get(i).getOrDefault(entry.getKey(), floor[i]);
          }
          entry.setValue(total);
        }
      }
    }
    List<Hit> hits = new ArrayList<>();
    fused.forEach((id, score) -> hits.add(new Hit(id, score)));
    hits.sort(Hit.ORDER);
    return hits;
  }
}
