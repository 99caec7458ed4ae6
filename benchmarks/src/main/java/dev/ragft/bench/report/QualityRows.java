package dev.ragft.bench.report;

import dev.ragft.bench.quality.QualityRow;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the quality rows benchmarks wrote, and finds the one of a JMH result. */
public final class QualityRows {

  private final List<QualityRow> rows;

  private QualityRows(List<QualityRow> rows) {
    this.rows = List.copyOf(rows);
  }

  /** Every row under {@code folder/quality}, in file name order; none when it is absent. */
  public static QualityRows read(Path folder) {
    Path quality = folder.resolve("quality");
    List<QualityRow> rows = new ArrayList<>();
    if (!Files.isDirectory(quality)) {
      return new QualityRows(rows);
    }
    try (Stream<Path> files = Files.list(quality)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        rows.add(Json.mapper().readValue(file.toFile(), QualityRow.class));
      }
    } catch (IOException e) {
      throw new RagftException("cannot read the quality rows in " + quality + ": "
          + e.getMessage(), e);
    }
    return new QualityRows(rows);
  }

  /** The rows, as read. */
  public List<QualityRow> rows() {
    return rows;
  }

  /** A metric of the quality row matching a JMH result, if there is one. */
  public Optional<Object> metric(JmhRow result, String metric) {
    return rows.stream().filter(row -> row.matches(result.benchmark(), result.params()))
        .map(row -> row.metrics().get(metric)).filter(value -> value != null).findFirst();
  }
}
