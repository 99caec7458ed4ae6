package dev.ragft.finetune.format;

import dev.ragft.common.RagftException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The provider formats ragft writes and validates, each with its command-line name, its codec
 * and its documented rules.
 */
public enum Format {
  /** OpenAI supervised fine-tuning, chat messages with per-message {@code weight}. */
  OPENAI_CHAT("openai", false),
  /** OpenAI direct preference optimization. */
  OPENAI_DPO("openai-dpo", true),
  /** Together AI conversational data. */
  TOGETHER_CHAT("together-chat", false),
  /** Together AI instruction data ({@code prompt}/{@code completion}). */
  TOGETHER_INSTRUCTION("together-instruction", false),
  /** Together AI preference data. */
  TOGETHER_PREFERENCE("together-preference", true),
  /** Fireworks supervised fine-tuning. */
  FIREWORKS("fireworks", false),
  /** Mistral fine-tuning. */
  MISTRAL("mistral", false),
  /** Hugging Face TRL / Axolotl {@code chat_template} messages. */
  TRL("trl", false),
  /** Alpaca instruction/input/output. */
  ALPACA("alpaca", false),
  /** ShareGPT conversations. */
  SHAREGPT("sharegpt", false);

  private final String cliName;
  private final boolean preference;

  Format(String cliName, boolean preference) {
    this.cliName = cliName;
    this.preference = preference;
  }

  /** The name used on the command line, in build configurations and in file names. */
  public String cliName() {
    return cliName;
  }

  /** Whether the format holds preference pairs (a chosen and a rejected answer). */
  public boolean isPreference() {
    return preference;
  }

  /** The codec that writes and reads this format. */
  public FormatCodec codec() {
    return switch (this) {
      case OPENAI_CHAT, TOGETHER_CHAT, MISTRAL ->
          new ChatMessagesCodec(this, ChatMessagesCodec.Weights.PER_MESSAGE);
      case FIREWORKS -> new ChatMessagesCodec(this, ChatMessagesCodec.Weights.ROOT);
      case TRL -> new ChatMessagesCodec(this, ChatMessagesCodec.Weights.NONE);
      case OPENAI_DPO, TOGETHER_PREFERENCE -> new PreferenceCodec(this);
      case TOGETHER_INSTRUCTION -> new InstructionCodec(this);
      case ALPACA -> new AlpacaCodec(this);
      case SHAREGPT -> new ShareGptCodec(this);
    };
  }

  /** The provider's documented rules for this format. */
  public FormatRules rules() {
    return switch (this) {
      case OPENAI_CHAT -> new OpenAiChatRules();
      case OPENAI_DPO -> new OpenAiDpoRules();
      case TOGETHER_CHAT -> new TogetherRules(TogetherRules.Kind.CONVERSATIONAL);
      case TOGETHER_INSTRUCTION -> new TogetherRules(TogetherRules.Kind.INSTRUCTION);
      case TOGETHER_PREFERENCE -> new TogetherRules(TogetherRules.Kind.PREFERENCE);
      case FIREWORKS -> new FireworksRules();
      case MISTRAL -> new MistralRules();
      case TRL -> new TrlRules();
      case ALPACA -> new AlpacaRules();
      case SHAREGPT -> new ShareGptRules();
    };
  }

  /** The format with this command-line name, case-insensitively, or a failure listing them all. */
  public static Format parse(String name) {
    for (Format format : values()) {
      if (format.cliName.equalsIgnoreCase(name.trim())) {
        return format;
      }
    }
    throw new RagftException("unknown format \"" + name + "\"; known formats: " + names() + ".");
  }

  /** The command-line names of all formats, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName.toLowerCase(Locale.ROOT);
  }
}
