package dev.ragft.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityLedgerTest {

  @TempDir
  Path results;

  @Test
  void a_row_is_written_once_as_sorted_json() throws Exception {
    Path file = QualityLedger.record(results, "DenseSearchBenchmark",
        Map.of("graph", "m16-none", "chunks", "10000"),
        () -> Map.of("recall@10", 0.97, "queries", 200));
    assertThat(file).isEqualTo(results.resolve("quality")
        .resolve("DenseSearchBenchmark_chunks=10000_graph=m16-none.json"));
    assertThat(Files.readString(file)).isEqualTo("""
        {
          "benchmark" : "DenseSearchBenchmark",
          "metrics" : {
            "queries" : 200,
            "recall@10" : 0.97
          },
          "params" : {
            "chunks" : "10000",
            "graph" : "m16-none"
          }
        }
        """);
    Path again = QualityLedger.record(results, "DenseSearchBenchmark",
        Map.of("chunks", "10000", "graph", "m16-none"), () -> {
          throw new AssertionError("a written row must not be computed again");
        });
    assertThat(again).isEqualTo(file);
    QualityRow row = Json.mapper().readValue(file.toFile(), QualityRow.class);
    assertThat(row.matches("DenseSearchBenchmark",
        Map.of("chunks", "10000", "graph", "m16-none", "candidates", "100"))).isTrue();
    assertThat(row.matches("DenseSearchBenchmark", Map.of("chunks", "100000"))).isFalse();
    assertThat(row.matches("HybridSearchBenchmark",
        Map.of("chunks", "10000", "graph", "m16-none"))).isFalse();
  }
}
