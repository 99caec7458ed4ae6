package dev.ragft.finetune.token;

import dev.ragft.finetune.example.TrainingExample;
import java.util.Objects;

/**
 * Counts the tokens of whole training examples: every message's content plus the chat format's
 * overhead, and the rejected answer as one more message when asked to (a preference file holds
 * both answers).
 */
public final class ExampleTokens {

  private final TokenCounter counter;
  private final ChatTokenFormula formula;

  /** Counts with {@code counter}, adding the overheads of {@code formula}. */
  public ExampleTokens(TokenCounter counter, ChatTokenFormula formula) {
    this.counter = Objects.requireNonNull(counter, "counter");
    this.formula = Objects.requireNonNull(formula, "formula");
  }

  /** The tokens of the example's conversation, the rejected answer left out. */
  public int count(TrainingExample example) {
    return count(example, false);
  }

  /** The tokens of the example's conversation, and of its rejected answer when asked. */
  public int count(TrainingExample example, boolean withRejected) {
    int tokens = formula.perConversation();
    for (TrainingExample.Message message : example.messages()) {
      tokens += formula.perMessage() + counter.count(message.content());
    }
    if (withRejected && example.rejected() != null) {
      tokens += formula.perMessage() + counter.count(example.rejected());
    }
    return tokens;
  }

  /** The tokenizer's name. */
  public String tokenizer() {
    return counter.name();
  }
}
