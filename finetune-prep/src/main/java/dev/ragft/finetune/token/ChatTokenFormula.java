package dev.ragft.finetune.token;

/**
 * The tokens a chat format adds around message contents.
 *
 * @param perMessage tokens added for each message (role markers)
 * @param perConversation tokens added once (the reply primer)
 */
public record ChatTokenFormula(int perMessage, int perConversation) {

  /**
   * OpenAI chat models: 3 tokens per message and 3 to prime the reply — the OpenAI Cookbook's
   * {@code num_tokens_from_messages} ("How to count tokens with tiktoken"), which the fine-tuning
   * data-preparation notebook uses for billing estimates.
   */
  public static final ChatTokenFormula OPENAI = new ChatTokenFormula(3, 3);

  /** Contents only, for open models whose chat template is applied by the trainer. */
  public static final ChatTokenFormula CONTENT_ONLY = new ChatTokenFormula(0, 0);

  /** Validates the components. */
  public ChatTokenFormula {
    if (perMessage < 0 || perConversation < 0) {
      throw new IllegalArgumentException("token overheads must be >= 0");
    }
  }
}
