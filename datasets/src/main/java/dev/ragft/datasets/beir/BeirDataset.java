package dev.ragft.datasets.beir;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A dataset in the BEIR layout on disk. Opening checks the layout; the files are read when asked
 * for, the corpus as a lazy stream so that large corpora never sit in memory. Bad records are
 * handled by the {@link OnError} policy given at opening. Thread-safe: each call opens its own
 * readers, and each split's judgements are read once.
 */
public final class BeirDataset {

  private final Path dir;
  private final OnError onError;
  private final InputProblems problems;
  private final List<String> splits;
  private final Map<String, List<Qrel>> qrels = new ConcurrentHashMap<>();

  private BeirDataset(Path dir, OnError onError, InputProblems problems, List<String> splits) {
    this.dir = dir;
    this.onError = onError;
    this.problems = problems;
    this.splits = splits;
  }

  /** Opens a dataset that stops at the first bad record. */
  public static BeirDataset open(Path dir) {
    return open(dir, OnError.FAIL, InputProblems.collecting());
  }

  /**
   * Opens a dataset folder holding {@code corpus.jsonl}, {@code queries.jsonl} and
   * {@code qrels/*.tsv}.
   *
   * @throws InputException when a part of the layout is missing
   */
  public static BeirDataset open(Path dir, OnError onError, InputProblems problems) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(onError, "onError");
    Objects.requireNonNull(problems, "problems");
    for (String part : List.of("corpus.jsonl", "queries.jsonl")) {
      if (!Files.isRegularFile(dir.resolve(part))) {
        throw new InputException(dir.toString(), 0, null,
            "is not a BEIR dataset: " + part + " is missing");
      }
    }
    Path qrels = dir.resolve("qrels");
    List<String> splits;
    try (Stream<Path> files = Files.list(qrels)) {
      splits = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".tsv"))
          .map(name -> name.substring(0, name.length() - ".tsv".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InputException(dir.toString(), 0, null,
          "is not a BEIR dataset: the qrels folder cannot be listed: " + e.getMessage(), e);
    }
    if (splits.isEmpty()) {
      throw new InputException(dir.toString(), 0, null,
          "is not a BEIR dataset: qrels holds no .tsv file");
    }
    return new BeirDataset(dir, onError, problems, splits);
  }

  /** The folder the dataset was opened from. */
  public Path dir() {
    return dir;
  }

  /** The splits that have judgements ({@code qrels/<split>.tsv}), sorted by name. */
  public List<String> splits() {
    return splits;
  }

  /**
   * Streams the corpus in file order. A document whose title and text are both blank is reported
   * as {@link ProblemKind#EMPTY_DOCUMENT} and left out. Close the stream when done.
   */
  public Stream<BeirDocument> corpus() {
    JsonlReader reader = JsonlReader.open(dir.resolve("corpus.jsonl"), onError, problems);
    return reader.map(this::document).flatMap(Optional::stream);
  }

  private Optional<BeirDocument> document(JsonLine line) {
    String id = line.requireText("_id");
    String title = line.optText("title").orElse("");
    String text = line.requireText("text");
    if (title.isBlank() && text.isBlank()) {
      problems.report(ProblemKind.EMPTY_DOCUMENT, line.source() + ":" + line.line()
          + ": document \"" + id + "\" has no title and no text (skipped)");
      return Optional.empty();
    }
    return Optional.of(new BeirDocument(id, title, text));
  }

  /** Every query of {@code queries.jsonl}, in file order. */
  public List<BeirQuery> allQueries() {
    try (JsonlReader reader =
             JsonlReader.open(dir.resolve("queries.jsonl"), onError, problems);
         Stream<BeirQuery> queries = reader.map(BeirDataset::query)) {
      return queries.toList();
    }
  }

  /**
   * The queries judged in {@code split}, in the order of {@code queries.jsonl}. A judged query
   * missing from {@code queries.jsonl} is a bad record of the qrels file.
   */
  public List<BeirQuery> queries(String split) {
    Set<String> judged = qrels(split).stream().map(Qrel::queryId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    List<BeirQuery> queries = new ArrayList<>(judged.size());
    for (BeirQuery query : allQueries()) {
      if (judged.remove(query.id())) {
        queries.add(query);
      }
    }
    for (String missing : judged) {
      InputException problem = new InputException(qrelsSource(split), 0, null,
          "judges query \"" + missing + "\", which is not in queries.jsonl");
      if (onError == OnError.FAIL) {
        throw problem;
      }
      problems.report(ProblemKind.MALFORMED_RECORD, problem.getMessage() + " (skipped)");
    }
    return queries;
  }

  /**
   * The judgements of {@code split} in file order. The file is read once; later calls return the
   * same list, so its problems are reported once.
   */
  public List<Qrel> qrels(String split) {
    if (!splits.contains(split)) {
      throw new InputException(dir.toString(), 0, null, "has no split \"" + split
          + "\"; its splits are: " + String.join(", ", splits));
    }
    return qrels.computeIfAbsent(split, name -> List.copyOf(QrelsFile.read(
        dir.resolve("qrels").resolve(name + ".tsv"), qrelsSource(name), onError, problems)));
  }

  private static String qrelsSource(String split) {
    return "qrels/" + split + ".tsv";
  }

  private static BeirQuery query(JsonLine line) {
    String id = line.requireText("_id");
    String text = line.requireText("text");
    if (text.isBlank()) {
      throw line.error("text", "must not be blank");
    }
    return new BeirQuery(id, text);
  }
}
