package dev.ragft.finetune.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
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

/**
 * Dated training prices. The bundled table ({@code prices.yaml}) is a snapshot: every entry says
 * when and where it was read. A user file in the same form replaces entries model by model, so a
 * price can be corrected without a new ragft release.
 *
 * <pre>
 * - model: gpt-4o-mini-2024-07-18
 *   provider: openai
 *   usd_per_million_training_tokens: 3.00
 *   as_of: 2025-06-01
 *   source: https://openai.com/api/pricing
 * </pre>
 */
public final class PriceTable {

  private static final String RESOURCE = "/dev/ragft/finetune/prices.yaml";

  private final Map<String, Price> prices;

  private PriceTable(Map<String, Price> prices) {
    this.prices = prices;
  }

  /** The bundled table. */
  public static PriceTable bundled() {
    try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new RagftException("the bundled price table " + RESOURCE + " is missing.");
      }
      return new PriceTable(parse(Json.yaml().readTree(in), "prices.yaml"));
    } catch (IOException e) {
      throw new RagftException("cannot read the bundled price table: " + e.getMessage(), e);
    }
  }

  /** This table with every entry of {@code userFile} added or replacing the entry for its model. */
  public PriceTable withOverrides(Path userFile) {
    JsonNode tree;
    try {
      tree = Json.yaml().readTree(Files.readAllBytes(userFile));
    } catch (IOException e) {
      throw new InputException(userFile.toString(), 0, null, "cannot be read as YAML: "
          + e.getMessage(), e);
    }
    Map<String, Price> merged = new LinkedHashMap<>(prices);
    merged.putAll(parse(tree, userFile.getFileName().toString()));
    return new PriceTable(merged);
  }

  /** The price of {@code model}, if the table has one. */
  public Optional<Price> find(String model) {
    return Optional.ofNullable(prices.get(model));
  }

  /** Every entry, bundled ones first in file order, then added ones. */
  public List<Price> all() {
    return List.copyOf(prices.values());
  }

  private static Map<String, Price> parse(JsonNode tree, String source) {
    if (tree == null || !tree.isArray()) {
      throw new InputException(source, 0, null, "must be a list of price entries");
    }
    Map<String, Price> parsed = new LinkedHashMap<>();
    List<String> models = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      JsonNode entry = tree.get(i);
      String at = "[" + i + "]";
      String model = text(entry, "model", at, source);
      String usd = text(entry, "usd_per_million_training_tokens", at, source);
      String asOf = text(entry, "as_of", at, source);
      BigDecimal amount;
      LocalDate date;
      try {
        amount = new BigDecimal(usd);
      } catch (NumberFormatException e) {
        throw new InputException(source, 0, at + ".usd_per_million_training_tokens",
            "must be a number, but is: " + usd);
      }
      try {
        date = LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new InputException(source, 0, at + ".as_of", "must be a date like 2025-06-01, but is: " + asOf);
      }
      if (models.contains(model)) {
        throw new InputException(source, 0, at + ".model", "repeats \"" + model + "\"");
      }
      models.add(model);
      parsed.put(model, new Price(model, text(entry, "provider", at, source), amount, date,
          text(entry, "source", at, source)));
    }
    return parsed;
  }

  private static String text(JsonNode entry, String field, String at, String source) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
      throw new InputException(source, 0, at + "." + field, "is missing");
    }
    return value.asText();
  }
}
