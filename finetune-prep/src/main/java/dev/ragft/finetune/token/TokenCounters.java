package dev.ragft.finetune.token;

import dev.ragft.common.RagftException;
import java.nio.file.Path;

/**
 * Opens a {@link TokenCounter} from a spec: a tiktoken encoding name ({@code o200k_base},
 * {@code cl100k_base}), {@code hf:PATH} for a {@code tokenizer.json}, or {@code gguf:PATH} for a
 * GGUF model. Relative paths resolve against a base folder (the configuration's).
 */
public final class TokenCounters {

  private TokenCounters() {
  }

  /** The counter the spec names; an unknown spec fails naming the accepted forms. */
  public static TokenCounter open(String spec, Path baseDir) {
    String trimmed = spec.trim();
    if (trimmed.startsWith("hf:")) {
      return HuggingFaceTokenCounter.open(baseDir.resolve(trimmed.substring(3)));
    }
    if (trimmed.startsWith("gguf:")) {
      return GgufTokenCounter.open(baseDir.resolve(trimmed.substring(5)));
    }
    if (trimmed.endsWith("_base") || trimmed.equals("p50k_edit")) {
      return JtokkitTokenCounter.of(trimmed);
    }
    throw new RagftException("unknown tokenizer \"" + spec + "\"; use o200k_base, cl100k_base, "
        + "hf:path/to/tokenizer.json or gguf:path/to/model.gguf.");
  }
}
