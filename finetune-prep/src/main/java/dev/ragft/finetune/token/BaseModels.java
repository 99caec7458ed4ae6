package dev.ragft.finetune.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The bundled table of base models ({@code base-models.yaml}): tokenizer and documented limit per
 * example. A build configuration can name a model that is not here by giving its tokenizer and
 * limit itself.
 */
public final class BaseModels {

  private static final String RESOURCE = "/dev/ragft/finetune/base-models.yaml";

  private record Entry(@JsonProperty("model") String model,
      @JsonProperty("provider") String provider, @JsonProperty("tokenizer") String tokenizer,
      @JsonProperty("max_tokens_per_example") int maxTokensPerExample,
      @JsonProperty("openai_chat") boolean openAiChat, @JsonProperty("source") String source) {
  }

  private static final List<BaseModel> MODELS = load();

  private BaseModels() {
  }

  /** Every bundled model, in the table's order. */
  public static List<BaseModel> all() {
    return MODELS;
  }

  /** The bundled model with this id, if any. */
  public static Optional<BaseModel> find(String model) {
    return MODELS.stream().filter(m -> m.model().equals(model)).findFirst();
  }

  private static List<BaseModel> load() {
    try (InputStream in = BaseModels.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new RagftException("the bundled base-model table " + RESOURCE + " is missing.");
      }
      List<Entry> entries = Json.yaml().readValue(in, new TypeReference<List<Entry>>() { });
      return entries.stream().map(e -> new BaseModel(e.model(), e.provider(), e.tokenizer(),
          e.maxTokensPerExample(), e.openAiChat(), e.source())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
