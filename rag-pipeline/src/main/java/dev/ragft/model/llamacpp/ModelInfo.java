package dev.ragft.model.llamacpp;

import dev.ragft.model.gguf.GgufFile;
import java.util.Optional;
import java.util.Set;

/**
 * What ragft reads from a GGUF's metadata besides what llama.cpp loads.
 *
 * @param architecture {@code general.architecture}, or "unknown"
 * @param chatTemplate {@code tokenizer.chat_template}, or null when the file has none
 * @param addsBos whether llama.cpp puts a BOS token before every prompt
 *     ({@code tokenizer.ggml.add_bos_token}, else true for SentencePiece and WordPiece
 *     vocabularies)
 */
public record ModelInfo(String architecture, String chatTemplate, boolean addsBos) {

  /** The tokenizer models whose vocabularies llama.cpp gives a BOS token unless told otherwise. */
  private static final Set<String> BOS_BY_DEFAULT = Set.of("llama", "bert");

  /** Reads the model's information from its GGUF metadata. */
  public static ModelInfo read(GgufFile gguf) {
    boolean addsBos = gguf.value("tokenizer.ggml.add_bos_token").isPresent()
        ? gguf.bool("tokenizer.ggml.add_bos_token", false)
        : BOS_BY_DEFAULT.contains(gguf.optString("tokenizer.ggml.model").orElse(""));
    return new ModelInfo(gguf.optString("general.architecture").orElse("unknown"),
        gguf.optString("tokenizer.chat_template").orElse(null), addsBos);
  }

  /** The GGUF's own chat template, if it has one. */
  public Optional<String> template() {
    return Optional.ofNullable(chatTemplate);
  }
}
