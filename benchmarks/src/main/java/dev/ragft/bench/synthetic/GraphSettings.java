package dev.ragft.bench.synthetic;

import dev.ragft.rag.index.Quantization;
import dev.ragft.rag.index.VectorFieldSettings;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the HNSW settings a benchmark parameter names: {@code m16-none}, {@code m32-int8}. */
public final class GraphSettings {

  private static final Pattern FORMAT = Pattern.compile("m(\\d+)-(none|int8|int7|int4)");

  private GraphSettings() {
  }

  /** The vector field of the synthetic model with this M and storage and the default beam width. */
  public static VectorFieldSettings parse(String value, int dimensions) {
    Matcher matcher = FORMAT.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("graph settings must look like m16-none or m32-int8 "
          + "(storage none, int8, int7 or int4), but are: " + value);
    }
    return new VectorFieldSettings(SyntheticEmbedder.MODEL, dimensions,
        Integer.parseInt(matcher.group(1)), VectorFieldSettings.DEFAULT_BEAM_WIDTH,
        Quantization.valueOf(matcher.group(2).toUpperCase(Locale.ROOT)));
  }
}
