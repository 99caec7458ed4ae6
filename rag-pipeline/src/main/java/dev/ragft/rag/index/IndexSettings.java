package dev.ragft.rag.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * What an index was built with. Kept beside the index in {@value #FILE_NAME}, so that searching
 * uses the same analyzer and models, and so that updating with different settings is refused with
 * a clear message instead of mixing incompatible chunks.
 *
 * @param formatVersion the layout version of ragft indexes ({@value #FORMAT_VERSION})
 * @param analyzer the text analyzer of the BM25 field (see {@link Analyzers})
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalization
 * @param vectors one entry per embedding model; may be empty for a BM25-only index
 * @param chunking a description of the chunking configuration; documents indexed under another
 *     one are re-chunked
 */
public record IndexSettings(int formatVersion, String analyzer, float k1, float b,
    List<VectorFieldSettings> vectors, String chunking) {

  /** The settings file beside the Lucene files. */
  public static final String FILE_NAME = "ragft-index.json";
  /** The current layout version. */
  public static final int FORMAT_VERSION = 1;
  /** BM25 k1 as Anserini's BEIR regressions use it. */
  public static final float DEFAULT_K1 = 0.9f;
  /** BM25 b as Anserini's BEIR regressions use it. */
  public static final float DEFAULT_B = 0.4f;

  /** Validates the components. */
  public IndexSettings {
    Analyzers.check(analyzer);
    if (!(k1 >= 0) || Float.isInfinite(k1)) {
      throw new IllegalArgumentException("BM25 k1 must be a finite number >= 0, but is: " + k1);
    }
    if (!(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("BM25 b must be between 0 and 1, but is: " + b);
    }
    vectors = List.copyOf(vectors);
    Objects.requireNonNull(chunking, "chunking");
    if (vectors.stream().map(VectorFieldSettings::model).distinct().count() != vectors.size()) {
      throw new IllegalArgumentException("each embedding model may fill one vector field only, "
          + "but the settings name one twice: " + vectors);
    }
  }

  /** Settings with this analyzer and BM25 parameters, vector fields and chunking. */
  public static IndexSettings of(String analyzer, float k1, float b,
      List<VectorFieldSettings> vectors, String chunking) {
    return new IndexSettings(FORMAT_VERSION, analyzer, k1, b, vectors, chunking);
  }

  /** The vector field settings of a model, or an error naming the models the index has. */
  public VectorFieldSettings vectorField(String model) {
    return vectors.stream().filter(v -> v.model().equals(model)).findFirst()
        .orElseThrow(() -> new RagftException("this index has no vectors of embedding model '"
            + model + "'; it has: " + (vectors.isEmpty() ? "none (BM25 only)"
            : String.join(", ", vectors.stream().map(VectorFieldSettings::model).toList()))));
  }

  /** Reads the settings of the index in {@code directory}; a missing index is one clear error. */
  public static IndexSettings read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new RagftException("no ragft index at " + directory + " (" + FILE_NAME
          + " is missing); build one with 'ragft index'");
    }
    try {
      IndexSettings settings = Json.mapper().readValue(file.toFile(), IndexSettings.class);
      if (settings.formatVersion() != FORMAT_VERSION) {
        throw new RagftException("the index at " + directory + " has layout version "
            + settings.formatVersion() + ", but this ragft reads version " + FORMAT_VERSION
            + "; rebuild it");
      }
      return settings;
    } catch (IOException e) {
      throw new RagftException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the settings beside the index, atomically. */
  public void write(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      Files.createDirectories(directory);
      Path temp = directory.resolve(FILE_NAME + ".tmp");
      Files.writeString(temp, toJson());
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new RagftException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The settings as pretty-printed JSON with a final newline. */
  public String toJson() {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("index settings cannot be written as JSON", e);
    }
  }
}
