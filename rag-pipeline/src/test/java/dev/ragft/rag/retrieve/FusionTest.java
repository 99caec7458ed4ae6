package dev.ragft.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

  private static final List<Hit> BM25 =
      List.of(new Hit("a", 12.0), new Hit("b", 9.0), new Hit("c", 3.0));
  private static final List<Hit> DENSE =
      List.of(new Hit("c", 0.90), new Hit("a", 0.80), new Hit("d", 0.70));

  @Test
  void rrf_matches_hand_computed_scores() {
    List<Hit> fused = new Fusion.Rrf(60).fuse(List.of(BM25, DENSE), List.of(1.0, 1.0));
    // a: 1/61 + 1/62, c: 1/63 + 1/61, b: 1/62, d: 1/63
    assertThat(fused).extracting(Hit::id).containsExactly("a", "c", "b", "d");
    assertThat(fused.get(0).score()).isCloseTo(1 / 61.0 + 1 / 62.0, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(1 / 63.0 + 1 / 61.0, within(1e-12));
    assertThat(fused.get(2).score()).isCloseTo(1 / 62.0, within(1e-12));
    assertThat(fused.get(3).score()).isCloseTo(1 / 63.0, within(1e-12));
  }

  @Test
  void rrf_breaks_ties_by_chunk_id() {
    List<Hit> first = List.of(new Hit("z", 5), new Hit("y", 4));
    List<Hit> second = List.of(new Hit("y", 0.9), new Hit("z", 0.8));
    List<Hit> fused = new Fusion.Rrf(60).fuse(List.of(first, second), List.of(1.0, 1.0));
    assertThat(fused).extracting(Hit::id).containsExactly("y", "z");
    assertThat(fused.get(0).score()).isEqualTo(fused.get(1).score());
  }

  @Test
  void weighted_rrf_scales_each_list() {
    List<Hit> fused = new Fusion.Rrf(0).fuse(List.of(BM25, DENSE), List.of(2.0, 0.5));
    // a: 2/1 + 0.5/2 = 2.25; b: 2/2 = 1; c: 2/3 + 0.5/1 = 1.1667; d: 0.5/3
    assertThat(fused).extracting(Hit::id).containsExactly("a", "c", "b", "d");
    assertThat(fused.get(1).score()).isCloseTo(2 / 3.0 + 0.5, within(1e-12));
  }

  @Test
  void min_max_sum_matches_hand_computed_scores_with_missing_ids_at_the_floor() {
    List<Hit> fused = new Fusion.WeightedSum(Fusion.Normalization.MIN_MAX)
        .fuse(List.of(BM25, DENSE), List.of(0.5, 0.5));
    // BM25 normalized: a 1, b 6/9, c 0;  dense: c 1, a 0.5, d 0; missing -> 0
    assertThat(fused).extracting(Hit::id).containsExactly("a", "c", "b", "d");
    assertThat(fused.get(0).score()).isCloseTo(0.5 * 1 + 0.5 * 0.5, within(1e-9));
    assertThat(fused.get(1).score()).isCloseTo(0.5 * 0 + 0.5 * 1, within(1e-9));
    assertThat(fused.get(2).score()).isCloseTo(0.5 * (6 / 9.0), within(1e-9));
    assertThat(fused.get(3).score()).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void z_score_sum_matches_hand_computed_scores() {
    List<Hit> fused = new Fusion.WeightedSum(Fusion.Normalization.Z_SCORE)
        .fuse(List.of(BM25, DENSE), List.of(1.0, 1.0));
    double bm25Mean = 8;
    double bm25Std = Math.sqrt(((16.0) + 1 + 25) / 3);
    double denseMean = 0.8;
    double denseStd = Math.sqrt((0.01 + 0 + 0.01) / 3);
    double a = (12 - bm25Mean) / bm25Std + (0.8 - denseMean) / denseStd;
    double d = (3 - bm25Mean) / bm25Std + (0.7 - denseMean) / denseStd;
    assertThat(fused.get(0).id()).isEqualTo("a");
    assertThat(fused.get(0).score()).isCloseTo(a, within(1e-9));
    assertThat(fused).filteredOn(h -> h.id().equals("d")).singleElement()
        .satisfies(h -> assertThat(h.score()).isCloseTo(d, within(1e-9)));
  }

  @Test
  void raw_scores_are_never_added() {
    List<Hit> loud = List.of(new Hit("a", 1000.0), new Hit("b", 999.0));
    List<Hit> quiet = List.of(new Hit("b", 0.99), new Hit("a", 0.10));
    List<Hit> fused = new Fusion.WeightedSum(Fusion.Normalization.MIN_MAX)
        .fuse(List.of(loud, quiet), List.of(0.5, 0.5));
    assertThat(fused.get(0).score()).isEqualTo(fused.get(1).score());
    assertThat(fused).extracting(Hit::id).containsExactly("a", "b");
  }

  @Test
  void weights_must_match_lists() {
    assertThatThrownBy(() -> new Fusion.Rrf(60).fuse(List.of(BM25), List.of(1.0, 1.0)))
        .hasMessage("fusion needs one weight per list, but has 2 weights for 1 lists");
    assertThatThrownBy(() -> new Fusion.Rrf(-1))
        .hasMessage("RRF k must be >= 0, but is: -1");
  }
}
