package dev.ragft.model.llamacpp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A LoRA adapter in llama.cpp's GGUF format, applied on top of a model with a scale (1 applies
 * it as trained, 0 switches it off, values in between blend). The adapter file is fixed when the
 * model is loaded. The bundled binding (de.kherud:llama 4.2.0) applies one adapter per model, so
 * several adapters are merged into one with the same update ({@link dev.ragft.model.gguf.LoraMerge}).
 *
 * @param file the adapter's GGUF file ({@code general.type = adapter}, {@code adapter.type = lora})
 * @param scale the factor the adapter's update is multiplied by
 */
public record LoraAdapter(Path file, double scale) {

  /** Validates the components. */
  public LoraAdapter {
    Objects.requireNonNull(file, "file");
    if (!Double.isFinite(scale)) {
      throw new IllegalArgumentException("LoRA scale must be a finite number, but is: " + scale);
    }
  }

  /** An adapter applied at full scale. */
  public static LoraAdapter of(Path file) {
    return new LoraAdapter(file, 1.0);
  }

  /**
   * Parses {@code PATH} or {@code PATH=SCALE} (the form of the {@code --adapter} option); an
   * {@code =} followed by something that is not a number is part of the path.
   */
  public static LoraAdapter parse(String text) {
    int split = text.lastIndexOf('=');
    if (split > 0) {
      try {
        return new LoraAdapter(Path.of(text.substring(0, split)),
            Double.parseDouble(text.substring(split + 1)));
      } catch (NumberFormatException e) {
        return of(Path.of(text));
      }
    }
    return of(Path.of(text));
  }
}
