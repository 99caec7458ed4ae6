package dev.ragft.eval.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.model.provider.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dated inference prices, the twin of fine-tuning's training price table: a bundled snapshot
 * ({@code inference-prices.yaml}), each entry saying when and where it was read, and a user file
 * in the same form that adds or replaces entries model by model. Models that run in this process
 * (llamacpp) cost nothing. Immutable.
 *
 * <pre>
 * - model: gpt-4o-mini-2024-07-18
 *   provider: openai-compatible
 *   usd_per_million_prompt_tokens: 0.15
 *   usd_per_million_completion_tokens: 0.60
 *   as_of: 2025-06-01
 *   source: https://openai.com/api/pricing
 * </pre>
 */
public final class InferencePrices {

  private static final String RESOURCE = "/dev/ragft/eval/cost/inference-prices.yaml";
  private static final Set<String> FIELDS = Set.of("model", "provider",
      "usd_per_million_prompt_tokens", "usd_per_million_completion_tokens", "as_of", "source");

  private final Map<String, InferencePrice> prices;

  private InferencePrices(Map<String, InferencePrice> prices) {
    this.prices = prices;
  }

  /** The bundled table. */
  public static InferencePrices bundled() {
    try (InputStream in = InferencePrices.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new RagftException("the bundled price table " + RESOURCE + " is missing.");
      }
      return new InferencePrices(parse(Json.yaml().readTree(in), "inference-prices.yaml"));
    } catch (IOException e) {
      throw new RagftException("cannot read the bundled price table: " + e.getMessage(), e);
    }
  }

  /** This table with every entry of {@code file} added, or replacing the entry of its model. */
  public InferencePrices withOverrides(Path file) {
    JsonNode tree;
    try {
      tree = Json.yaml().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, null, "cannot be read as YAML: "
          + e.getMessage(), e);
    }
    Map<String, InferencePrice> merged = new LinkedHashMap<>(prices);
    merged.putAll(parse(tree, file.toString()));
    return new InferencePrices(merged);
  }

  /** The price of {@code model}, if the table has one. */
  public Optional<InferencePrice> find(String model) {
    return Optional.ofNullable(prices.get(model));
  }

  /** Every entry, bundled ones first in file order, then added ones. */
  public List<InferencePrice> all() {
    return List.copyOf(prices.values());
  }

  /**
   * What a call cost: 0 for a model in this process; the table's price otherwise; empty when
   * the table has no price for a remote model.
   */
  public Optional<Double> usd(Provider provider, String model, long promptTokens,
      long completionTokens) {
    if (provider == Provider.LLAMACPP) {
      return Optional.of(0.0);
    }
    return find(model).map(price -> price.usd(promptTokens, completionTokens));
  }

  private static Map<String, InferencePrice> parse(JsonNode tree, String source) {
    if (tree == null || !tree.isArray()) {
      throw new InputException(source, 0, null, "must be a list of price entries");
    }
    Map<String, InferencePrice> parsed = new LinkedHashMap<>();
    List<String> models = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      JsonNode entry = tree.get(i);
      String at = "[" + i + "]";
      if (!entry.isObject()) {
        throw new InputException(source, 0, at, "must be an object");
      }
      for (Map.Entry<String, JsonNode> field : entry.properties()) {
        if (!FIELDS.contains(field.getKey())) {
          throw new InputException(source, 0, at + "." + field.getKey(), "is not a known field");
        }
      }
      String model = text(entry, "model", at, source);
      if (models.contains(model)) {
        throw new InputException(source, 0, at + ".model", "repeats \"" + model + "\"");
      }
      models.add(model);
      LocalDate asOf;
      try {
        asOf = LocalDate.parse(text(entry, "as_of", at, source));
      } catch (DateTimeParseException e) {
        throw new InputException(source, 0, at + ".as_of", "must be a date like 2025-06-01");
      }
      parsed.put(model, new InferencePrice(model, text(entry, "provider", at, source),
          amount(entry, "usd_per_million_prompt_tokens", at, source),
          amount(entry, "usd_per_million_completion_tokens", at, source), asOf,
          text(entry, "source", at, source)));
    }
    return parsed;
  }

  private static BigDecimal amount(JsonNode entry, String field, String at, String source) {
    String text = text(entry, field, at, source);
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        throw new InputException(source, 0, at + "." + field, "must be >= 0, but is: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InputException(source, 0, at + "." + field, "must be a number, but is: " + text);
    }
  }

  private static String text(JsonNode entry, String field, String at, String source) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
      throw new InputException(source, 0, at + "." + field, "is missing");
    }
    return value.asText();
  }
}
