package dev.ragft.model.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalogue of pinned models.
 *
 * @param defaultId the model used when none is named
 * @param models the entries, in the order they are listed
 */
public record ModelCatalog(@JsonProperty("default") String defaultId, List<CatalogEntry> models) {

  private static final String RESOURCE = "models.yaml";

  /** Validates the components: unique ids and file names, and a default that exists. */
  public ModelCatalog {
    models = List.copyOf(models);
    Set<String> ids = new HashSet<>();
    Set<String> files = new HashSet<>();
    for (CatalogEntry entry : models) {
      if (!ids.add(entry.id()) || !files.add(entry.file())) {
        throw new IllegalArgumentException("model id or file listed twice: " + entry.id());
      }
    }
    if (!ids.contains(Objects.requireNonNull(defaultId, "defaultId"))) {
      throw new IllegalArgumentException("the default model " + defaultId + " is not listed");
    }
  }

  /** The catalogue bundled with ragft. */
  public static ModelCatalog bundled() {
    try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the model catalogue " + RESOURCE + " is missing from"
            + " the ragft jar");
      }
      return Json.yaml().readValue(in, ModelCatalog.class);
    } catch (JsonProcessingException e) {
      throw new InputException(RESOURCE, e.getLocation() == null ? 0 : e.getLocation()
          .getLineNr(), null, "is not a valid model catalogue: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model catalogue: " + e.getMessage(), e);
    }
  }

  /** The entry with this id, if there is one. */
  public Optional<CatalogEntry> find(String id) {
    return models.stream().filter(entry -> entry.id().equals(id)).findFirst();
  }

  /** The default entry. */
  public CatalogEntry defaultEntry() {
    return find(defaultId).orElseThrow();
  }

  /** The ids, comma-separated, for messages. */
  public String ids() {
    return models.stream().map(CatalogEntry::id).collect(Collectors.joining(", "));
  }
}
