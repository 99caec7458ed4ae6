package dev.ragft.finetune.local;

import java.util.Objects;

/**
 * A piece of a rendered conversation.
 *
 * @param text the text, exactly as the model sees it (special tokens written as their text)
 * @param trained whether the loss is computed on this piece's tokens (assistant replies)
 */
public record Segment(String text, boolean trained) {

  /** Validates the text. */
  public Segment {
    Objects.requireNonNull(text, "text");
  }
}
