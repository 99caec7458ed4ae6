package dev.ragft.bench.report;

import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns one benchmark run's results into the results section of {@code docs/benchmarks.md}: the
 * JMH JSON files and quality rows of a results folder, joined by benchmark and parameters, as
 * Markdown tables of latency, in-run baselines, their ratios and quality, plus the run's machine
 * and load ({@value #META_FILE}, written by {@code run.sh}). Only the text between the two marker
 * lines is replaced, so the rest of the page is edited by hand. The same inputs give the same
 * page.
 *
 * <p>Usage: {@code BenchReport <results folder> <markdown file>}.
 */
public final class BenchReport {

  /** The line that opens the generated section. */
  public static final String BEGIN = "<!-- BEGIN GENERATED RESULTS: benchmarks/run.sh writes "
      + "this section; do not edit it by hand -->";
  /** The line that closes the generated section. */
  public static final String END = "<!-- END GENERATED RESULTS -->";
  /** The file of a results folder that describes the run. */
  public static final String META_FILE = "meta.txt";

  private BenchReport() {
  }

  /** Rewrites the generated section of the Markdown file from the results folder. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: BenchReport <results folder> <markdown file>");
      System.exit(2);
    }
    Path results = Path.of(args[0]);
    Path page = Path.of(args[1]);
    try {
      String markdown = Files.readString(page, StandardCharsets.UTF_8);
      Files.writeString(page, replace(markdown, render(results)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RagftException("cannot update " + page + ": " + e.getMessage(), e);
    }
    System.out.println("updated " + page + " from " + results);
  }

  /** The generated section for a results folder, markers excluded. */
  public static String render(Path results) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(results)) {
      files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    Sections sections = new Sections(JmhResults.read(files), QualityRows.read(results));
    StringBuilder out = new StringBuilder();
    Path meta = results.resolve(META_FILE);
    if (Files.isRegularFile(meta)) {
      out.append("### The run\n\n```\n")
          .append(Files.readString(meta, StandardCharsets.UTF_8).strip()).append("\n```\n\n");
    }
    for (String section : List.of(sections.targets(), sections.queryEmbedding(),
        sections.dense(), sections.exact(), sections.bm25(), sections.hybrid(),
        sections.scifact(), sections.indexing(), sections.harness())) {
      out.append(section);
    }
    return out.toString();
  }

  /** The page with the text between the markers replaced by {@code generated}. */
  static String replace(String page, String generated) {
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new RagftException("the page has no generated-results markers: add the lines \""
          + BEGIN + "\" and \"" + END + "\" where the results belong");
    }
    return page.substring(0, begin + BEGIN.length()) + "\n\n" + generated
        + page.substring(end);
  }
}
