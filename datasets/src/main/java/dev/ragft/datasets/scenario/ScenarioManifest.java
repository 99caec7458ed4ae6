package dev.ragft.datasets.scenario;

import com.fasterxml.jackson.core.JsonParser;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.datasets.internal.LocatedTree;
import dev.ragft.datasets.internal.Node;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code scenario.json} of a bundled scenario: its name, versions, documents and the paths of
 * its other files, all relative to the scenario's folder.
 */
record ScenarioManifest(String name, String title, String description, List<String> versions,
    List<ScenarioDocument> documents, List<String> cases, String changedFacts,
    String trainingExamples, String preferencePairs, String systemPrompt, String responseSchema,
    String behaviourRules, String readme) {

  static final String FILE = "scenario.json";

  ScenarioManifest {
    versions = List.copyOf(versions);
    documents = List.copyOf(documents);
    cases = List.copyOf(cases);
  }

  /** Every file of the scenario, manifest included, in a stable order. */
  List<String> paths() {
    List<String> paths = new ArrayList<>();
    paths.add(FILE);
    paths.add(readme);
    documents.forEach(document -> paths.add(document.path()));
    paths.addAll(cases);
    paths.addAll(List.of(changedFacts, trainingExamples, preferencePairs, systemPrompt,
        responseSchema, behaviourRules));
    return paths;
  }

  static ScenarioManifest read(InputStream in, String source, String base) {
    try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
      parser.nextToken();
      return parse(Node.root(LocatedTree.read(parser, source)), base);
    } catch (IOException e) {
      throw new InputException(source, 0, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static ScenarioManifest parse(Node root, String base) {
    root.requireObject(List.of("name", "title", "description", "versions", "documents", "cases",
        "changed_facts", "training_examples", "preference_pairs", "system_prompt",
        "response_schema", "behaviour_rules", "readme"));
    List<String> versions = root.require("versions").uniqueTexts();
    List<ScenarioDocument> documents = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : root.require("documents").items()) {
      item.requireObject(List.of("id", "version", "format", "title", "kind", "path", "sha256"));
      String id = item.require("id").text();
      Node versionNode = item.require("version");
      String version = versionNode.text();
      if (!versions.contains(version)) {
        throw versionNode.error("names version \"" + version + "\", which is not in versions");
      }
      if (!seen.add(version + "/" + id)) {
        throw item.error("repeats document \"" + id + "\" in version " + version);
      }
      Node formatNode = item.require("format");
      DocumentFormat format = DocumentFormat.fromWireName(formatNode.text()).orElseThrow(() ->
          formatNode.error("must be markdown, html or pdf"));
      String path = item.require("path").text();
      documents.add(new ScenarioDocument(id, version, format, item.require("title").text(),
          item.require("kind").text(), path, item.require("sha256").text(), base + path));
    }
    return new ScenarioManifest(root.require("name").text(), root.require("title").text(),
        root.require("description").text(), versions, documents,
        root.require("cases").uniqueTexts(), root.require("changed_facts").text(),
        root.require("training_examples").text(), root.require("preference_pairs").text(),
        root.require("system_prompt").text(), root.require("response_schema").text(),
        root.require("behaviour_rules").text(), root.require("readme").text());
  }
}
