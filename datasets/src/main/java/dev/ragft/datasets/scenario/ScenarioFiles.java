package dev.ragft.datasets.scenario;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an extracted scenario's files are.
 *
 * @param root the folder the scenario was extracted to
 * @param corpora the folder of each corpus version's documents, in version order
 * @param caseFiles the failure-case files
 * @param trainingExamples the supervised examples (OpenAI chat JSONL)
 * @param preferencePairs the preference pairs (OpenAI DPO JSONL)
 * @param changedFacts the changed facts (JSON Lines)
 * @param systemPrompt the system prompt used in the training examples
 * @param responseSchema the JSON Schema of support replies
 * @param behaviourRules the rules the behaviour layer teaches (Markdown)
 */
public record ScenarioFiles(Path root, Map<String, Path> corpora, List<Path> caseFiles,
    Path trainingExamples, Path preferencePairs, Path changedFacts, Path systemPrompt,
    Path responseSchema, Path behaviourRules) {

  /** Validates the components and copies the collections. */
  public ScenarioFiles {
    Objects.requireNonNull(root, "root");
    corpora = Collections.unmodifiableMap(new LinkedHashMap<>(corpora));
    caseFiles = List.copyOf(caseFiles);
    Objects.requireNonNull(trainingExamples, "trainingExamples");
    Objects.requireNonNull(preferencePairs, "preferencePairs");
    Objects.requireNonNull(changedFacts, "changedFacts");
    Objects.requireNonNull(systemPrompt, "systemPrompt");
    Objects.requireNonNull(responseSchema, "responseSchema");
    Objects.requireNonNull(behaviourRules, "behaviourRules");
  }

  /** The folder holding the documents of {@code version}. */
  public Path corpus(String version) {
    Path dir = corpora.get(version);
    if (dir == null) {
      throw new IllegalArgumentException("no corpus version \"" + version + "\"; the versions are: "
          + String.join(", ", corpora.keySet()));
    }
    return dir;
  }
}
