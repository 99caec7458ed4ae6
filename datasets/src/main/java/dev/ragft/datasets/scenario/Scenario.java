package dev.ragft.datasets.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.common.OnError;
import dev.ragft.common.RagftException;
import dev.ragft.datasets.cases.CaseFileFormat;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.FailureCaseReader;
import dev.ragft.datasets.chat.ChatExample;
import dev.ragft.datasets.chat.ChatJsonl;
import dev.ragft.datasets.chat.PreferencePair;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bundled scenario, read from the classpath and validated when loaded: every case parses, every
 * training example and preference pair is well formed. Immutable and thread-safe. Get one from
 * {@link Scenarios}.
 */
public final class Scenario {

  /** The classpath folder that holds every bundled scenario. */
  public static final String ROOT = "dev/ragft/datasets/scenarios/";

  private final String base;
  private final ScenarioManifest manifest;
  private final List<FailureCase> cases;
  private final List<ChangedFact> changedFacts;
  private final List<ChatExample> trainingExamples;
  private final List<PreferencePair> preferencePairs;
  private final JsonNode responseSchema;

  private Scenario(String base, ScenarioManifest manifest) {
    this.base = base;
    this.manifest = manifest;
    FailureCaseReader reader = new FailureCaseReader(OnError.FAIL, InputProblems.collecting());
    List<FailureCase> read = new ArrayList<>();
    for (String file : manifest.cases()) {
      try (InputStream in = open(file)) {
        read.addAll(reader.read(in, file, CaseFileFormat.YAML));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    this.cases = List.copyOf(read);
    try (InputStream in = open(manifest.changedFacts())) {
      this.changedFacts = ChangedFacts.read(in, manifest.changedFacts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = open(manifest.trainingExamples())) {
      this.trainingExamples = ChatJsonl.readExamples(in, manifest.trainingExamples(),
          OnError.FAIL, InputProblems.collecting());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = open(manifest.preferencePairs())) {
      this.preferencePairs = ChatJsonl.readPreferencePairs(in, manifest.preferencePairs(),
          OnError.FAIL, InputProblems.collecting());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      this.responseSchema = Json.mapper().readTree(text(manifest.responseSchema()));
    } catch (JsonProcessingException e) {
      throw new InputException(manifest.responseSchema(), 0, null,
          "is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Loads the scenario stored under {@code ROOT + name + "/"}; null when there is none. */
  static Scenario loadOrNull(String name) {
    String base = ROOT + name + "/";
    InputStream in = Scenario.class.getClassLoader()
        .getResourceAsStream(base + ScenarioManifest.FILE);
    if (in == null) {
      return null;
    }
    try (in) {
      return new Scenario(base, ScenarioManifest.read(in, name + "/" + ScenarioManifest.FILE,
          base));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scenario's name, as given to {@link Scenarios#find(String)}. */
  public String name() {
    return manifest.name();
  }

  /** A one-line title. */
  public String title() {
    return manifest.title();
  }

  /** A paragraph saying what the scenario is. */
  public String description() {
    return manifest.description();
  }

  /** The corpus versions, oldest first. */
  public List<String> versions() {
    return manifest.versions();
  }

  /** The documents of {@code version}, in a stable order (by id). */
  public List<ScenarioDocument> documents(String version) {
    if (!manifest.versions().contains(version)) {
      throw new IllegalArgumentException("scenario " + name() + " has no version \"" + version
          + "\"; its versions are: " + String.join(", ", manifest.versions()));
    }
    return manifest.documents().stream().filter(doc -> doc.version().equals(version)).toList();
  }

  /** Every failure case, in file order. */
  public List<FailureCase> cases() {
    return cases;
  }

  /** The facts that change between versions, one per (document, fact). */
  public List<ChangedFact> changedFacts() {
    return changedFacts;
  }

  /** The behaviour training examples (OpenAI chat format). */
  public List<ChatExample> trainingExamples() {
    return trainingExamples;
  }

  /** The behaviour preference pairs (OpenAI DPO format). */
  public List<PreferencePair> preferencePairs() {
    return preferencePairs;
  }

  /** The system prompt of the training examples, also the one to evaluate with. */
  public String systemPrompt() {
    return text(manifest.systemPrompt()).strip();
  }

  /** The JSON Schema every support reply must satisfy (a copy). */
  public JsonNode responseSchema() {
    return responseSchema.deepCopy();
  }

  /** The support rules the behaviour layer teaches, as Markdown. */
  public String behaviourRules() {
    return text(manifest.behaviourRules());
  }

  /** The scenario's README, as Markdown. */
  public String readme() {
    return text(manifest.readme());
  }

  /** Counts of everything the scenario holds. */
  public ScenarioStats stats() {
    Map<String, Integer> documents = new LinkedHashMap<>();
    Map<String, Integer> byVersion = new LinkedHashMap<>();
    for (String version : versions()) {
      documents.put(version, documents(version).size());
      byVersion.put(version, (int) cases.stream().filter(c -> c.appliesTo(version)).count());
    }
    Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      byCategory.put(category, (int) cases.stream().filter(c -> c.category() == category).count());
    }
    return new ScenarioStats(name(), documents, cases.size(), byCategory, byVersion,
        trainingExamples.size(), preferencePairs.size(), changedFacts.size());
  }

  /**
   * Writes every file of the scenario under {@code dir}, keeping the scenario's layout (each
   * version's documents in a folder named after the version), replacing files already there.
   */
  public ScenarioFiles extractTo(Path dir) {
    Objects.requireNonNull(dir, "dir");
    for (String path : manifest.paths()) {
      Path target = dir.resolve(path);
      try (InputStream in = open(path)) {
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      } catch (IOException e) {
        throw new RagftException("Cannot write the scenario file " + target + ": "
            + e.getMessage(), e);
      }
    }
    Map<String, Path> corpora = new LinkedHashMap<>();
    for (String version : versions()) {
      corpora.put(version, dir.resolve(version));
    }
    return new ScenarioFiles(dir, corpora, manifest.cases().stream().map(dir::resolve).toList(),
        dir.resolve(manifest.trainingExamples()), dir.resolve(manifest.preferencePairs()),
        dir.resolve(manifest.changedFacts()), dir.resolve(manifest.systemPrompt()),
        dir.resolve(manifest.responseSchema()), dir.resolve(manifest.behaviourRules()));
  }

  private InputStream open(String path) {
    InputStream in = Scenario.class.getClassLoader().getResourceAsStream(base + path);
    if (in == null) {
      throw new RagftException("The scenario file " + base + path
          + " is missing from the classpath; the build is broken.");
    }
    return in;
  }

  private String text(String path) {
    try (InputStream in = open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
