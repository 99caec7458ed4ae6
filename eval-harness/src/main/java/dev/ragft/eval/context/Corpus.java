package dev.ragft.eval.context;

import dev.ragft.common.InputProblems;
import dev.ragft.common.RagftException;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.eval.config.CorpusSpec;
import dev.ragft.eval.score.DocIds;
import dev.ragft.rag.load.CorpusLoader;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.load.LoadConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The documents of one corpus version, loaded once, in id order. A scenario's documents keep the
 * scenario's ids (the file name without its extension, as its cases' gold ids name them); a
 * folder's documents get the ids {@code ragft index} gives them.
 */
public final class Corpus {

  private final String name;
  private final String version;
  private final List<Document> documents;

  private Corpus(String name, String version, List<Document> documents) {
    this.name = name;
    this.version = version;
    this.documents = documents.stream().sorted(Comparator.comparing(Document::id)).toList();
  }

  /**
   * Loads a corpus.
   *
   * @param spec which corpus
   * @param workDir where a scenario's files are written so they can be loaded
   * @param problems where unreadable documents are reported (they are skipped)
   */
  public static Corpus load(CorpusSpec spec, Path workDir, InputProblems problems) {
    Objects.requireNonNull(spec, "spec");
    return spec.scenario() != null
        ? ofScenario(Scenarios.load(spec.scenario()), spec.version(), workDir, problems)
        : ofFolder(Path.of(spec.path()), spec.version(), problems);
  }

  /**
   * A scenario's corpus version (its first when {@code version} is null), written under
   * {@code workDir} and loaded from there, with the scenario's document ids.
   */
  public static Corpus ofScenario(Scenario scenario, String version, Path workDir,
      InputProblems problems) {
    String chosen = version != null ? version : scenario.versions().get(0);
    if (!scenario.versions().contains(chosen)) {
      throw new RagftException("scenario " + scenario.name() + " has no corpus version \""
          + chosen + "\"; its versions are: " + String.join(", ", scenario.versions()));
    }
    Path folder = scenario.extractTo(workDir.resolve(scenario.name())).corpora().get(chosen);
    List<Document> documents = new ArrayList<>();
    try (Stream<Document> loaded = loader(folder, chosen, problems).stream()) {
      loaded.forEach(doc -> documents.add(new Document(DocIds.withoutExtension(doc.id()),
          doc.source(), doc.version(), doc.title(), doc.text(), doc.metadata(),
          doc.contentHash())));
    }
    return new Corpus("scenario " + scenario.name(), chosen, documents);
  }

  /** The documents of a folder (or file), with {@code version} ({@code v1} when null). */
  public static Corpus ofFolder(Path folder, String version, InputProblems problems) {
    String chosen = version != null ? version : LoadConfig.DEFAULT_VERSION;
    try (Stream<Document> loaded = loader(folder, chosen, problems).stream()) {
      return new Corpus(folder.getFileName().toString(), chosen, loaded.toList());
    }
  }

  /** A corpus of given documents, for callers that load their own. */
  public static Corpus of(String name, String version, List<Document> documents) {
    return new Corpus(name, version, List.copyOf(documents));
  }

  private static CorpusLoader loader(Path folder, String version, InputProblems problems) {
    return new CorpusLoader(LoadConfig.builder(List.of(folder)).version(version).build(),
        problems);
  }

  /** What the corpus is, for run descriptions. */
  public String name() {
    return name;
  }

  /** The corpus version. */
  public String version() {
    return version;
  }

  /** The documents, in id order. */
  public List<Document> documents() {
    return documents;
  }

  /** The document a gold id names ({@link DocIds#matches}), if the corpus has it. */
  public Optional<Document> find(String goldId) {
    return documents.stream().filter(doc -> DocIds.matches(doc.id(), goldId)).findFirst();
  }
}
