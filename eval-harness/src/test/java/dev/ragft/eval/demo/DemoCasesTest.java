package dev.ragft.eval.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCasesTest {

  private final Scenario demo = Scenarios.demo();
  private final Map<String, FailureCase> byId = demo.cases().stream()
      .collect(Collectors.toMap(FailureCase::id, Function.identity()));

  @Test
  void all_cases_are_every_case_that_applies_to_the_version() {
    List<String> v1 = DemoCases.select(demo.cases(), demo.versions(), "v1", null, 42);
    List<String> v2 = DemoCases.select(demo.cases(), demo.versions(), "v2", null, 42);

    assertThat(v1).hasSize(111).allMatch(id -> byId.get(id).appliesTo("v1")).isSorted();
    assertThat(v2).hasSize(119).allMatch(id -> byId.get(id).appliesTo("v2")).isSorted();
  }

  @Test
  void a_sample_keeps_every_category_and_shares_its_common_cases_between_versions() {
    List<String> v1 = DemoCases.select(demo.cases(), demo.versions(), "v1", 24, 42);
    List<String> v2 = DemoCases.select(demo.cases(), demo.versions(), "v2", 24, 42);

    assertThat(v1).hasSize(24).allMatch(id -> byId.get(id).appliesTo("v1"));
    assertThat(v2).hasSize(24).allMatch(id -> byId.get(id).appliesTo("v2"));
    List<String> common1 = v1.stream().filter(id -> byId.get(id).corpusVersion().isEmpty())
        .toList();
    List<String> common2 = v2.stream().filter(id -> byId.get(id).corpusVersion().isEmpty())
        .toList();
    // 81 of the 149 cases hold in every version; v1 and v2 add 30 and 38 of their own.
    assertThat(common1).hasSize(17).isEqualTo(common2);
    assertThat(v1.stream().map(id -> byId.get(id).category()).distinct())
        .containsExactlyInAnyOrder(Category.values());
    assertThat(DemoCases.select(demo.cases(), demo.versions(), "v1", 24, 42)).isEqualTo(v1);
    assertThat(DemoCases.select(demo.cases(), demo.versions(), "v1", 24, 43)).isNotEqualTo(v1);
  }

  @Test
  void stratified_shares_follow_the_category_sizes_by_largest_remainder() {
    List<FailureCase> common = demo.cases().stream()
        .filter(c -> c.corpusVersion().isEmpty()).toList();
    Map<Category, Long> pool = common.stream()
        .collect(Collectors.groupingBy(FailureCase::category, Collectors.counting()));

    List<FailureCase> chosen = DemoCases.stratified(common, 20, 7);

    assertThat(chosen).hasSize(20).doesNotHaveDuplicates();
    Map<Category, Long> got = chosen.stream()
        .collect(Collectors.groupingBy(FailureCase::category, Collectors.counting()));
    for (Map.Entry<Category, Long> entry : pool.entrySet()) {
      double exact = 20.0 * entry.getValue() / common.size();
      assertThat((double) got.getOrDefault(entry.getKey(), 0L))
          .as("%s: %d of %d", entry.getKey(), got.get(entry.getKey()), entry.getValue())
          .isBetween(Math.floor(exact), Math.ceil(exact));
    }
    assertThat(DemoCases.stratified(common, 500, 7)).isEqualTo(common);
    assertThat(DemoCases.stratified(common, 0, 7)).isEmpty();
  }
}
