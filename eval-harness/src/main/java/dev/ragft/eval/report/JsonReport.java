package dev.ragft.eval.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.result.Usage;

/**
 * The complete, machine-readable report: {@link Report} as JSON with sorted keys, two-space
 * indentation, {@code \n} line ends and a final newline. Absent optional values are left out.
 * Call latency is left out of the embedded run unless the report has a latency section, so that
 * identical runs give identical bytes; the run's own result file keeps it.
 */
public final class JsonReport {

  private static final ObjectWriter STABLE = writer(RunResultJson.mapper().copy()
      .addMixIn(Usage.class, WithoutLatency.class));
  private static final ObjectWriter WITH_LATENCY = writer(RunResultJson.mapper().copy());

  private JsonReport() {
  }

  /** The report as JSON text. */
  public static String render(Report report) {
    try {
      return (report.latency().isPresent() ? WITH_LATENCY : STABLE).writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report could not be written as JSON", e);
    }
  }

  private static ObjectWriter writer(ObjectMapper mapper) {
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return mapper.writer(new DefaultPrettyPrinter()
        .withObjectIndenter(indenter).withArrayIndenter(indenter));
  }

  /** Leaves {@link Usage#latencyMillis()} out. */
  @JsonIgnoreProperties("latencyMillis")
  private abstract static class WithoutLatency {
  }
}
