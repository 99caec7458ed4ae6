package dev.ragft.finetune.example;

import java.util.Locale;

/** Who speaks a message: the system prompt, the user, or the assistant. */
public enum Role {
  /** Instructions that frame the whole conversation. */
  SYSTEM,
  /** A message from the person asking. */
  USER,
  /** A message from the model. */
  ASSISTANT;

  /** The lower-case name that chat formats use on the wire ({@code user}, say). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
