package dev.ragft.finetune.build;

import dev.ragft.finetune.token.BaseModel;
import dev.ragft.finetune.token.BaseModels;
import dev.ragft.finetune.token.ChatTokenFormula;
import dev.ragft.finetune.token.TokenCounter;
import dev.ragft.finetune.token.TokenCounters;
import java.nio.file.Path;

/**
 * The base model settings resolved against the bundled table: the configuration's tokenizer and
 * limit win over the table's; without either, tokens are counted with {@code o200k_base} and no
 * limit.
 *
 * @param name the base model, or null
 * @param tokenizer the tokenizer spec
 * @param formula the chat token formula
 * @param limit tokens per example, or 0 when unknown
 */
record ModelChoice(String name, String tokenizer, ChatTokenFormula formula, int limit) {

  static ModelChoice of(BuildConfig.Model model) {
    BaseModel known = model.baseModel() == null ? null
        : BaseModels.find(model.baseModel()).orElse(null);
    String tokenizer = model.tokenizer() != null ? model.tokenizer()
        : known != null ? known.tokenizer() : "o200k_base";
    int limit = model.maxTokensPerExample() != null ? model.maxTokensPerExample()
        : known != null ? known.maxTokensPerExample() : 0;
    ChatTokenFormula formula = known != null ? known.formula() : ChatTokenFormula.CONTENT_ONLY;
    return new ModelChoice(model.baseModel(), tokenizer, formula, limit);
  }

  TokenCounter open(Path baseDir) {
    return TokenCounters.open(tokenizer, baseDir);
  }
}
