package dev.ragft.model.llamacpp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How chat messages become the prompt of an in-process model.
 *
 * <ul>
 *   <li>{@code auto} (the default): the GGUF's own chat template ({@code tokenizer.chat_template},
 *       rendered by llama.cpp's Jinja engine), or {@code plain} when the GGUF has none.</li>
 *   <li>{@code plain}: a documented template for models without one. An optional system text and
 *       a blank line, then one line per turn, {@code User: ...} or {@code Assistant: ...}, and
 *       finally {@code Assistant:} for the model to continue. Generation also stops at
 *       {@code "\nUser:"}, so a base model does not write the user's next turn.</li>
 *   <li>{@code completion}: the message texts joined by blank lines, nothing added; a single
 *       user message is continued exactly as written (for story and base models).</li>
 * </ul>
 */
public enum ChatTemplateMode {
  /** The GGUF's own template, else {@link #PLAIN}. */
  AUTO,
  /** The documented plain template. */
  PLAIN,
  /** The message texts as they are. */
  COMPLETION;

  /** The name used in configuration and on the command line. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code auto}, {@code plain} or {@code completion}, naming the bad value on failure. */
  @JsonCreator
  public static ChatTemplateMode parse(String value) {
    for (ChatTemplateMode mode : values()) {
      if (mode.id().equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "chat template must be auto, plain or completion, but is: " + value);
  }
}
