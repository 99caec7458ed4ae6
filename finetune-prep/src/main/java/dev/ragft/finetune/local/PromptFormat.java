package dev.ragft.finetune.local;

import java.util.List;

/**
 * Turns a conversation into the text the model is trained on, split into pieces that are trained
 * (assistant replies, with whatever ends a reply) and pieces that are not. It must render the same
 * text the inference side renders for the same messages, so that training sees exactly the tokens
 * generation will: the concatenation of the segments up to an assistant reply is the prompt, and
 * the reply's segment is what the model should generate. Implementations are stateless and
 * thread-safe.
 */
@FunctionalInterface
public interface PromptFormat {

  /** The conversation's segments, in order; their texts concatenated are the whole rendering. */
  List<Segment> render(List<ChatMessage> messages);
}
