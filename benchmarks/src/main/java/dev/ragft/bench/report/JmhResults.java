package dev.ragft.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the JSON files JMH writes with {@code -rf json}. */
public final class JmhResults {

  private JmhResults() {
  }

  /** Every result in the files, in file order. */
  public static List<JmhRow> read(List<Path> files) {
    List<JmhRow> rows = new ArrayList<>();
    for (Path file : files) {
      JsonNode root;
      try {
        root = Json.mapper().readTree(file.toFile());
      } catch (IOException e) {
        throw new RagftException("cannot read JMH results " + file + ": " + e.getMessage(), e);
      }
      if (!root.isArray()) {
        throw new RagftException(file + " is not a JMH JSON result file (no top-level array)");
      }
      for (JsonNode result : root) {
        rows.add(row(file, result));
      }
    }
    return rows;
  }

  private static JmhRow row(Path file, JsonNode result) {
    String full = text(file, result, "benchmark");
    int method = full.lastIndexOf('.');
    int type = full.lastIndexOf('.', method - 1);
    if (method < 0 || type < 0) {
      throw new RagftException(file + ": benchmark name " + full + " is not package.Class.method");
    }
    Map<String, String> params = new TreeMap<>();
    JsonNode paramsNode = result.path("params");
    for (Map.Entry<String, JsonNode> param : paramsNode.properties()) {
      params.put(param.getKey(), param.getValue().asText());
    }
    JsonNode metric = result.path("primaryMetric");
    double mean = metric.path("score").asDouble(Double.NaN);
    double error = metric.path("scoreError").asDouble(Double.NaN);
    String mode = text(file, result, "mode");
    JsonNode percentiles = metric.path("scorePercentiles");
    boolean sampled = mode.equals("sample");
    double p50 = sampled ? percentiles.path("50.0").asDouble(Double.NaN) : mean;
    double p99 = sampled ? percentiles.path("99.0").asDouble(Double.NaN) : mean;
    return new JmhRow(full.substring(type + 1, method), full.substring(method + 1), mode, params,
        mean, error, p50, p99, samples(metric, sampled), text(file, metric, "scoreUnit"));
  }

  private static long samples(JsonNode metric, boolean sampled) {
    long count = 0;
    if (sampled) {
      for (JsonNode fork : metric.path("rawDataHistogram")) {
        for (JsonNode iteration : fork) {
          for (JsonNode bucket : iteration) {
            count += bucket.path(1).asLong();
          }
        }
      }
    } else {
      for (JsonNode fork : metric.path("rawData")) {
        count += fork.size();
      }
    }
    return count;
  }

  private static String text(Path file, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new RagftException(file + ": a JMH result has no \"" + field + "\"");
    }
    return value.asText();
  }
}
