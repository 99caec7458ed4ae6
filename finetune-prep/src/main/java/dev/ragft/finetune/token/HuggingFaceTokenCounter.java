package dev.ragft.finetune.token;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.ragft.common.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model's own tokenizer from its Hugging Face {@code tokenizer.json}, through DJL's binding of
 * the {@code tokenizers} library. Counts without special tokens and without truncation.
 */
public final class HuggingFaceTokenCounter implements TokenCounter {

  private final HuggingFaceTokenizer tokenizer;
  private final String name;

  private HuggingFaceTokenCounter(HuggingFaceTokenizer tokenizer, String name) {
    this.tokenizer = tokenizer;
    this.name = name;
  }

  /** Loads {@code tokenizer.json}; a missing or unreadable file is an {@link InputException}. */
  public static HuggingFaceTokenCounter open(Path tokenizerJson) {
    try {
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
          Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
      return new HuggingFaceTokenCounter(tokenizer, "hf:" + tokenizerJson.getFileName());
    } catch (IOException | RuntimeException e) {
      throw new InputException(tokenizerJson.toString(), 0, null,
          "cannot be loaded as a Hugging Face tokenizer: " + e.getMessage(), e);
    }
  }

  @Override
  public int count(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    return tokenizer.encode(text, false, false).getIds().length;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
