package dev.ragft.model.llamacpp;

import java.util.Optional;

/**
 * What ragft reads from a GGUF's metadata before loading it.
 *
 * @param architecture {@code general.architecture}, or "unknown"
 * @param chatTemplate {@code tokenizer.chat_template}, or null when the file has none
 * @param addsBos whether llama.cpp puts a BOS token before every prompt
 *     ({@code tokenizer.ggml.add_bos_token}, else true for SentencePiece and WordPiece
 *     vocabularies)
 */
public record ModelInfo(String architecture, String chatTemplate, boolean addsBos) {

  /** The GGUF's own chat template, if it has one. */
  public Optional<String> template() {
    return Optional.ofNullable(chatTemplate);
  }
}
