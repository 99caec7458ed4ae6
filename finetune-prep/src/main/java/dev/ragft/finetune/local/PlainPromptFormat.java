package dev.ragft.finetune.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plain format for models without a chat template (such as stories260K):
 *
 * <pre>
 * System: {system}\n
 * User: {user}\n
 * Assistant: {assistant}{eos}\n
 * </pre>
 *
 * The prompt for a reply ends with {@code "Assistant:"} (no trailing space); the trained segment is
 * {@code " " + reply + eos}, where {@code eos} is the end-of-sequence token's text (for
 * stories260K {@code </s>}, which llama.cpp parses as the special token). At inference the prompt is
 * the rendered history followed by {@code "Assistant:"}, generation stops at end-of-sequence, and
 * the leading space of the output is dropped. Keeping the space on the reply side means the
 * prompt's tokens never merge with the reply's.
 *
 * @param eos the end-of-sequence token's text
 */
public record PlainPromptFormat(String eos) implements PromptFormat {

  /** The text that ends every prompt. */
  public static final String GENERATION_PROMPT = "Assistant:";

  /** Validates the end-of-sequence text. */
  public PlainPromptFormat {
    Objects.requireNonNull(eos, "eos");
  }

  @Override
  public List<Segment> render(List<ChatMessage> messages) {
    List<Segment> segments = new ArrayList<>();
    for (ChatMessage message : messages) {
      switch (message.role()) {
        case "system" -> segments.add(new Segment("System: " + message.content() + "\n", false));
        case "user" -> segments.add(new Segment("User: " + message.content() + "\n", false));
        default -> {
          segments.add(new Segment(GENERATION_PROMPT, false));
          segments.add(new Segment(" " + message.content() + eos, true));
          segments.add(new Segment("\n", false));
        }
      }
    }
    return segments;
  }

  /** The prompt for the next reply after {@code history}, as the inference side must build it. */
  public String prompt(List<ChatMessage> history) {
    StringBuilder text = new StringBuilder();
    for (Segment segment : render(history)) {
      text.append(segment.text());
    }
    return text.append(GENERATION_PROMPT).toString();
  }
}
