package dev.ragft.datasets.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.RagftException;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.FailureCaseReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioApiTest {

  private static Scenario demo;

  @BeforeAll
  static void load() {
    demo = Scenarios.demo();
  }

  @Test
  void the_demo_reports_its_counts() {
    ScenarioStats stats = demo.stats();
    assertThat(stats.name()).isEqualTo("wrenbolt");
    assertThat(stats.documents()).containsExactly(Map.entry("v1", 48), Map.entry("v2", 54));
    assertThat(stats.cases()).isEqualTo(149);
    assertThat(stats.casesByCategory()).containsExactly(Map.entry(Category.KNOWLEDGE, 75),
        Map.entry(Category.BEHAVIOUR, 31), Map.entry(Category.HYBRID, 31),
        Map.entry(Category.CONTROL, 12));
    assertThat(stats.casesByVersion()).containsExactly(Map.entry("v1", 111), Map.entry("v2", 119));
    assertThat(stats.trainingExamples()).isEqualTo(217);
    assertThat(stats.preferencePairs()).isEqualTo(73);
    assertThat(stats.changedFacts()).isEqualTo(28);
    assertThat(stats.toJson().toString()).isEqualTo("{\"scenario\":\"wrenbolt\","
        + "\"documents\":{\"v1\":48,\"v2\":54},\"cases\":149,\"cases_by_category\":{"
        + "\"knowledge\":75,\"behaviour\":31,\"hybrid\":31,\"control\":12},"
        + "\"cases_by_version\":{\"v1\":111,\"v2\":119},\"training_examples\":217,"
        + "\"preference_pairs\":73,\"changed_facts\":28}");
  }

  @Test
  void documents_keep_their_ids_across_versions_and_name_their_format() {
    ScenarioDocument v1 = demo.documents("v1").stream()
        .filter(doc -> doc.id().equals("refund-policy")).findFirst().orElseThrow();
    ScenarioDocument v2 = demo.documents("v2").stream()
        .filter(doc -> doc.id().equals("refund-policy")).findFirst().orElseThrow();
    assertThat(v1.format()).isEqualTo(DocumentFormat.PDF);
    assertThat(v1.path()).isEqualTo("v1/refund-policy.pdf");
    assertThat(v2.path()).isEqualTo("v2/refund-policy.pdf");
    assertThat(v1.title()).isEqualTo("Refund policy");
    assertThat(v1.kind()).isEqualTo("policy");
    assertThat(v1.sha256()).isNotEqualTo(v2.sha256());
    assertThat(new String(v1.bytes(), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(demo.systemPrompt()).startsWith("You are the support assistant of Wrenbolt");
    assertThat(demo.responseSchema().get("required").toString())
        .isEqualTo("[\"action\",\"answer\",\"sources\"]");
    assertThat(demo.behaviourRules()).startsWith("# Wrenbolt support reply rules");
  }

  @Test
  void an_unknown_version_or_scenario_is_named_in_the_error() {
    assertThatThrownBy(() -> demo.documents("v3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scenario wrenbolt has no version \"v3\"; its versions are: v1, v2");
    assertThat(Scenarios.find("acme")).isEmpty();
    assertThatThrownBy(() -> Scenarios.load("acme"))
        .isInstanceOf(RagftException.class)
        .hasMessage("There is no scenario \"acme\"; the bundled scenarios are: wrenbolt.");
  }

  @Test
  void extracting_writes_every_file_so_that_it_reads_back_the_same(@TempDir Path dir)
      throws IOException {
    ScenarioFiles files = demo.extractTo(dir);
    assertThat(files.corpora().keySet()).containsExactly("v1", "v2");
    for (String version : demo.versions()) {
      try (Stream<Path> listed = Files.list(files.corpus(version))) {
        assertThat(listed.count()).isEqualTo(demo.documents(version).size());
      }
      for (ScenarioDocument doc : demo.documents(version)) {
        assertThat(files.corpus(version).resolve(doc.fileName())).hasBinaryContent(doc.bytes());
      }
    }
    FailureCaseReader reader = new FailureCaseReader(OnError.FAIL, InputProblems.collecting());
    List<FailureCase> cases = new ArrayList<>();
    files.caseFiles().forEach(file -> cases.addAll(reader.read(file)));
    assertThat(cases).isEqualTo(demo.cases());
    assertThat(files.trainingExamples()).exists();
    assertThat(Files.readAllLines(files.trainingExamples())).hasSize(217);
    assertThat(Files.readAllLines(files.preferencePairs())).hasSize(73);
    assertThat(Files.readAllLines(files.changedFacts())).hasSize(28);
    assertThat(files.systemPrompt()).exists();
    assertThat(files.responseSchema()).exists();
    assertThat(files.behaviourRules()).exists();
    assertThat(dir.resolve("README.md")).exists();
    assertThat(dir.resolve("scenario.json")).exists();
  }
}
