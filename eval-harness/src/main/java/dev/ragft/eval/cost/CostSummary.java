package dev.ragft.eval.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The cost side of a run, kept next to its result ({@value #FILE} in the run folder) for reports:
 * what each setup costs per 1,000 queries, with fine-tuning amortized over a query volume, and the
 * break-even volume of each fine-tuned setup against each setup without training cost.
 *
 * @param queriesForAmortization the query volume training costs are spread over
 * @param setups one entry per setup, in setup order
 * @param breakEvens one entry per (fine-tuned setup with a known training cost, other setup)
 * @param notes what the numbers leave out (unpriced models, for example)
 */
public record CostSummary(long queriesForAmortization, List<SetupCost> setups,
    List<BreakEven> breakEvens, List<String> notes) {

  /** The file a run folder keeps its cost summary in. */
  public static final String FILE = "costs.json";

  private static final ObjectMapper MAPPER = Json.mapper().copy()
      .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());

  /** Copies the lists. */
  public CostSummary {
    setups = List.copyOf(setups);
    breakEvens = List.copyOf(breakEvens);
    notes = List.copyOf(notes);
  }

  /** The summary as indented JSON text with {@code \n} line ends, ending with a new line. */
  public String toJson() {
    try {
      return MAPPER.writer(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))).writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a cost summary could not be written as JSON", e);
    }
  }

  /** Reads a summary written by {@link #toJson()}. */
  public static CostSummary fromJson(String json) {
    try {
      return MAPPER.readValue(json, CostSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a cost summary: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes the summary to {@code file}. */
  public void write(Path file) {
    try {
      Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
