package dev.ragft.datasets.chat;

import java.util.Locale;
import java.util.Optional;

/** Who speaks a chat message, named on the wire in lower case as the OpenAI chat format does. */
public enum Role {
  /** Instructions that frame the conversation; at most one, and first. */
  SYSTEM,
  /** The person asking. */
  USER,
  /** The model answering. */
  ASSISTANT;

  /** The name used in JSON and YAML files: {@code system}, {@code user} or {@code assistant}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role whose {@linkplain #wireName() wire name} is {@code text}, if any. */
  public static Optional<Role> fromWireName(String text) {
    for (Role role : values()) {
      if (role.wireName().equals(text)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
