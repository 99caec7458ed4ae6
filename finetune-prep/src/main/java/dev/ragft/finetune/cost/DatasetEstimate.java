package dev.ragft.finetune.cost;

import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.token.ExampleTokens;
import dev.ragft.finetune.token.ModelTokens;
import dev.ragft.finetune.token.TokenCounter;
import dev.ragft.finetune.token.TokenReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Tokens, epochs and cost for a set of training examples, as {@code ragft ft estimate} prints
 * them.
 *
 * @param tokens the token report (per example, distribution, examples over the limit)
 * @param cost the cost estimate
 */
public record DatasetEstimate(TokenReport tokens, CostEstimate cost) {

  /** Validates the components. */
  public DatasetEstimate {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(cost, "cost");
  }

  /**
   * Estimates {@code examples} for the model.
   *
   * @param examples the training examples
   * @param model the base model and how to count its tokens
   * @param epochs the epochs, or empty for the automatic choice
   * @param prices the price table
   * @param baseDir where relative tokenizer paths resolve
   */
  public static DatasetEstimate of(List<TrainingExample> examples, ModelTokens model,
      OptionalInt epochs, PriceTable prices, Path baseDir) {
    Objects.requireNonNull(model.model(), "a base model is needed for a cost estimate");
    try (TokenCounter counter = model.open(baseDir)) {
      TokenReport report = TokenReport.of(examples, new ExampleTokens(counter, model.formula()),
          model.limit() > 0 ? OptionalInt.of(model.limit()) : OptionalInt.empty(), false);
      return new DatasetEstimate(report, CostEstimator.estimate(model.model(), report, epochs, prices));
    }
  }
}
