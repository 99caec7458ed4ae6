package dev.ragft.bench.support;

import dev.ragft.datasets.beir.BeirDataset;
import dev.ragft.datasets.beir.BeirQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The BEIR SciFact dataset, where benchmarks need real English text. */
public final class Scifact {

  /** The judged split benchmarks use. */
  public static final String SPLIT = "test";

  private Scifact() {
  }

  /** The dataset folder, if one is configured and holds a corpus. */
  public static Optional<Path> folder() {
    return BenchDirs.scifact().filter(dir -> Files.isRegularFile(dir.resolve("corpus.jsonl")));
  }

  /** The dataset folder, or an error that says how to configure it. */
  public static Path require() {
    return folder().orElseThrow(() -> new IllegalStateException("this benchmark needs BEIR "
        + "SciFact: set -D" + BenchDirs.SCIFACT + "=<folder with corpus.jsonl> (run.sh does, "
        + "from RAGFT_SCIFACT or ../shared/datasets/scifact)"));
  }

  /** The texts of the test queries, in file order; empty when the dataset is not configured. */
  public static List<String> queryTexts() {
    return folder().map(dir -> BeirDataset.open(dir).queries(SPLIT).stream()
        .map(BeirQuery::text).toList()).orElse(List.of());
  }
}
