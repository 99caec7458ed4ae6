package dev.ragft.finetune.token;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ragft.common.RagftException;

/** OpenAI's byte-pair encodings ({@code o200k_base}, {@code cl100k_base}...) through jtokkit. */
public final class JtokkitTokenCounter implements TokenCounter {

  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private final Encoding encoding;

  private JtokkitTokenCounter(Encoding encoding) {
    this.encoding = encoding;
  }

  /** The counter for an encoding by its tiktoken name, e.g. {@code o200k_base}. */
  public static JtokkitTokenCounter of(String encodingName) {
    EncodingType type = EncodingType.fromName(encodingName).orElseThrow(() -> new RagftException(
        "unknown tiktoken encoding \"" + encodingName + "\"; use o200k_base or cl100k_base."));
    return new JtokkitTokenCounter(REGISTRY.getEncoding(type));
  }

  @Override
  public int count(String text) {
    return encoding.countTokensOrdinary(text);
  }

  @Override
  public String name() {
    return encoding.getName();
  }
}
