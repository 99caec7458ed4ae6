package dev.ragft.datasets.scenario.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.Hashes;
import dev.ragft.common.Json;
import dev.ragft.datasets.scenario.DocumentFormat;
import dev.ragft.datasets.scenario.DocumentText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled scenario is exactly what its sources generate, byte for byte (so generation is
 * reproducible across runs), and every bundled PDF still extracts to the text it was made from.
 * Run with {@code -Dragft.scenario.regenerate=true} to write the generated files instead, then
 * commit them.
 */
class ScenarioUpToDateTest {

  private static Map<String, byte[]> generated;

  @BeforeAll
  static void generate() throws IOException {
    generated = ScenarioGenerator.generate(ScenarioGenerator.SOURCES);
    if (Boolean.getBoolean("ragft.scenario.regenerate")) {
      ScenarioGenerator.write(generated, ScenarioGenerator.OUTPUT);
    }
  }

  @Test
  void the_bundled_scenario_is_what_its_sources_generate() throws IOException {
    Path output = ScenarioGenerator.OUTPUT;
    for (Map.Entry<String, byte[]> file : generated.entrySet()) {
      Path bundled = output.resolve(file.getKey());
      assertThat(bundled).as("generated file %s is bundled", file.getKey()).isRegularFile();
      byte[] bytes = Files.readAllBytes(bundled);
      if (file.getKey().endsWith(".pdf")) {
        assertThat(Hashes.sha256(bytes)).as(file.getKey())
            .isEqualTo(Hashes.sha256(file.getValue()));
      } else {
        assertThat(new String(bytes, StandardCharsets.UTF_8)).as(file.getKey())
            .isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
      }
    }
    try (var walk = Files.walk(output.resolve(ScenarioGenerator.NAME))) {
      List<String> bundled = walk.filter(Files::isRegularFile)
          .map(path -> output.relativize(path).toString().replace('\\', '/')).toList();
      assertThat(generated.keySet()).as("no stale bundled files").containsAll(bundled);
    }
  }

  @Test
  void every_bundled_pdf_extracts_to_the_text_it_was_made_from() throws IOException {
    Path sources = ScenarioGenerator.SOURCES;
    Facts facts = new Facts(Json.yaml().readTree(sources.resolve("facts.yaml").toFile()));
    DocumentSet documents = new DocumentSet(sources,
        Json.yaml().readTree(sources.resolve("documents.yaml").toFile()), facts);
    int pdfs = 0;
    for (DocumentSet.Template template : documents.templates()) {
      if (template.format() != DocumentFormat.PDF) {
        continue;
      }
      for (String version : template.versions()) {
        Path file = ScenarioGenerator.OUTPUT.resolve(ScenarioGenerator.NAME).resolve(version)
            .resolve(template.id() + ".pdf");
        String extracted = DocumentText.normalize(
            DocumentText.extract(DocumentFormat.PDF, Files.readAllBytes(file)));
        assertThat(extracted).as(file.toString())
            .isEqualTo(documents.require(version, template.id(), "test").visibleText());
        pdfs++;
      }
    }
    assertThat(pdfs).isEqualTo(9);
  }
}
