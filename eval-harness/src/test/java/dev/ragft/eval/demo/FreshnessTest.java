package dev.ragft.eval.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.datasets.scenario.ChangedFact;
import dev.ragft.datasets.scenario.FactKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessTest {

  private static final ChangedFact PRICE = new ChangedFact("pricing", "price.crew", FactKind.PRICE,
      "£29", "£34", "v1", "v2");
  private static final ChangedFact RENAME = new ChangedFact("overview", "feature.route",
      FactKind.RENAME, "Route", "Smart Route", "v1", "v2");

  @Test
  void a_value_counts_as_a_whole_word_in_any_case() {
    assertThat(Freshness.states("Crew costs £29 a month.", List.of(PRICE), true)).isTrue();
    assertThat(Freshness.states("Crew costs £34 a month.", List.of(PRICE), true)).isFalse();
    assertThat(Freshness.states("Crew costs £34 a month.", List.of(PRICE), false)).isTrue();
    assertThat(Freshness.states("Crew costs £299 a month.", List.of(PRICE), true)).isFalse();
    assertThat(Freshness.states("no price here", List.of(PRICE), false)).isFalse();
    assertThat(Freshness.states("anything", List.of(), true)).isFalse();
  }

  @Test
  void an_old_value_inside_the_new_one_is_not_counted_as_old() {
    assertThat(Freshness.states("Open Smart Route in the menu.", List.of(RENAME), true))
        .isFalse();
    assertThat(Freshness.states("Open Smart Route in the menu.", List.of(RENAME), false))
        .isTrue();
    assertThat(Freshness.states("Open route planning.", List.of(RENAME), true)).isTrue();
  }
}
