package dev.ragft.finetune.token;

import java.nio.file.Path;

/**
 * How to count tokens for a base model: the bundled table's tokenizer, formula and limit, with a
 * tokenizer spec and limit given by the user winning over the table's. Without either, tokens are
 * counted with {@code o200k_base}, contents only, and no limit.
 *
 * @param model the base model, or null
 * @param tokenizer the tokenizer spec ({@link TokenCounters})
 * @param formula the chat token formula
 * @param limit tokens per example, or 0 when unknown
 */
public record ModelTokens(String model, String tokenizer, ChatTokenFormula formula, int limit) {

  /** Resolves the settings; {@code tokenizer} and {@code maxTokensPerExample} may be null. */
  public static ModelTokens resolve(String model, String tokenizer, Integer maxTokensPerExample) {
    BaseModel known = model == null ? null : BaseModels.find(model).orElse(null);
    String spec = tokenizer != null ? tokenizer : known != null ? known.tokenizer() : "o200k_base";
    int limit = maxTokensPerExample != null ? maxTokensPerExample
        : known != null ? known.maxTokensPerExample() : 0;
    if (limit < 0) {
      throw new IllegalArgumentException("max tokens per example must be >= 0, but is: " + limit);
    }
    ChatTokenFormula formula = known != null ? known.formula() : ChatTokenFormula.CONTENT_ONLY;
    return new ModelTokens(model, spec, formula, limit);
  }

  /** Opens the tokenizer; relative paths resolve against {@code baseDir}. Close it after use. */
  public TokenCounter open(Path baseDir) {
    return TokenCounters.open(tokenizer, baseDir);
  }
}
