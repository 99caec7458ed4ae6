package dev.ragft.datasets.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.Hashes;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.ForbiddenClaim;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.datasets.cases.TextMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo scenario agrees with itself: documents, versions, changed facts and cases. */
class ScenarioConsistencyTest {

  private static Scenario scenario;
  private static final Map<String, String> TEXT = new HashMap<>();

  @BeforeAll
  static void load() {
    scenario = Scenarios.demo();
    for (String version : scenario.versions()) {
      for (ScenarioDocument doc : scenario.documents(version)) {
        TEXT.put(version + "/" + doc.id(),
            DocumentText.normalize(DocumentText.extract(doc.format(), doc.bytes())));
      }
    }
  }

  private static String text(String version, String doc) {
    String text = TEXT.get(version + "/" + doc);
    assertThat(text).as("document %s exists in %s", doc, version).isNotNull();
    return text;
  }

  static boolean matches(TextMatch match, String text) {
    return switch (match) {
      case TextMatch.Contains contains -> DocumentText.normalize(text).toLowerCase(Locale.ROOT)
          .contains(DocumentText.normalize(contains.text()).toLowerCase(Locale.ROOT));
      case TextMatch.Matches regex -> regex.regex().foundIn(text);
    };
  }

  private static List<String> versionsOf(FailureCase c) {
    return c.corpusVersion().map(List::of).orElse(scenario.versions());
  }

  @Test
  void the_demo_is_bundled_with_the_sizes_the_issue_asks_for() {
    assertThat(Scenarios.names()).containsExactly("wrenbolt");
    ScenarioStats stats = scenario.stats();
    assertThat(stats.documents().get("v1")).isBetween(40, 80);
    assertThat(stats.documents().get("v2")).isBetween(stats.documents().get("v1") + 1, 80);
    for (DocumentFormat format : DocumentFormat.values()) {
      assertThat(scenario.documents("v1")).filteredOn(doc -> doc.format() == format)
          .hasSizeGreaterThanOrEqualTo(3);
    }
    assertThat(stats.cases()).isGreaterThanOrEqualTo(120);
    assertThat(stats.casesByCategory().values()).allMatch(count -> count >= 10);
    assertThat(stats.trainingExamples()).isGreaterThanOrEqualTo(200);
    assertThat(stats.preferencePairs()).isGreaterThanOrEqualTo(50);
    assertThat(scenario.documents("v2")).extracting(ScenarioDocument::id)
        .containsAll(scenario.documents("v1").stream().map(ScenarioDocument::id).toList());
  }

  @Test
  void the_bundle_stays_under_five_megabytes_and_matches_its_manifest() {
    long bytes = 0;
    for (String version : scenario.versions()) {
      for (ScenarioDocument doc : scenario.documents(version)) {
        byte[] content = doc.bytes();
        assertThat(Hashes.sha256(content)).as(doc.path()).isEqualTo(doc.sha256());
        assertThat(doc.path()).isEqualTo(version + "/" + doc.fileName());
        bytes += content.length;
      }
    }
    assertThat(bytes).isLessThan(5L << 20);
  }

  @Test
  void every_gold_document_exists_in_each_version_its_case_applies_to() {
    for (FailureCase c : scenario.cases()) {
      for (String version : versionsOf(c)) {
        for (String doc : c.goldDocIds()) {
          assertThat(TEXT).as("case %s: gold %s in %s", c.id(), doc, version)
              .containsKey(version + "/" + doc);
        }
      }
      if (c.category() == Category.CONTROL) {
        assertThat(c.goldDocIds()).as(c.id()).isEmpty();
      } else {
        assertThat(c.goldDocIds()).as(c.id()).isNotEmpty();
      }
    }
  }

  @Test
  void every_required_fact_tied_to_a_document_is_found_in_that_document() {
    int checked = 0;
    for (FailureCase c : scenario.cases()) {
      for (RequiredFact fact : c.requiredFacts()) {
        if (fact.docId().isPresent()) {
          for (String version : versionsOf(c)) {
            assertThat(matches(fact.match(), text(version, fact.docId().get())))
                .as("case %s: %s in %s/%s", c.id(), fact.match(), version, fact.docId().get())
                .isTrue();
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(80);
  }

  @Test
  void every_changed_fact_is_in_version_1_of_its_document_and_not_in_version_2() {
    List<ChangedFact> changed = scenario.changedFacts();
    assertThat(changed).hasSizeGreaterThanOrEqualTo(20);
    for (ChangedFact fact : changed) {
      assertThat(text(fact.oldVersion(), fact.docId())).as("%s in old %s", fact.factId(),
          fact.docId()).contains(fact.oldValue());
      assertThat(text(fact.newVersion(), fact.docId())).as("%s in new %s", fact.factId(),
          fact.docId()).doesNotContain(fact.oldValue());
    }
    assertThat(changed).extracting(ChangedFact::kind)
        .contains(FactKind.PRICE, FactKind.LIMIT, FactKind.DATE, FactKind.RENAME,
            FactKind.RETIRED);
  }

  @Test
  void every_changed_fact_has_a_v2_case_that_forbids_what_version_1_says() {
    List<String> missing = new ArrayList<>();
    for (ChangedFact fact : scenario.changedFacts()) {
      String before = text(fact.oldVersion(), fact.docId());
      String after = text(fact.newVersion(), fact.docId());
      boolean covered = scenario.cases().stream()
          .filter(c -> c.corpusVersion().equals(Optional.of(fact.newVersion())))
          .flatMap(c -> c.forbiddenClaims().stream())
          .anyMatch(claim -> matches(claim.match(), before) && !matches(claim.match(), after));
      if (!covered) {
        missing.add(fact.docId() + "/" + fact.factId());
      }
    }
    assertThat(missing).as("changed facts without a v2 case forbidding the old claim").isEmpty();
    assertThat(scenario.cases()).extracting(FailureCase::id).doesNotHaveDuplicates();
  }

  @Test
  void every_knowledge_and_control_reference_answer_passes_its_own_fact_checks() {
    for (FailureCase c : scenario.cases()) {
      if (c.referenceAnswer().isEmpty()) {
        continue;
      }
      String reference = c.referenceAnswer().get();
      for (RequiredFact fact : c.requiredFacts()) {
        assertThat(matches(fact.match(), reference)).as("case %s: reference has %s", c.id(),
            fact.match()).isTrue();
      }
      for (ForbiddenClaim claim : c.forbiddenClaims()) {
        assertThat(matches(claim.match(), reference)).as("case %s: reference avoids %s", c.id(),
            claim.match()).isFalse();
      }
    }
  }
}
