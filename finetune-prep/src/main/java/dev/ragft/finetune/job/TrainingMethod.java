package dev.ragft.finetune.job;

import java.util.Locale;

/** How a fine-tuning job learns from its examples. */
public enum TrainingMethod {
  /** Supervised fine-tuning: imitate the target answer of each example. */
  SFT,
  /** Direct preference optimisation: prefer the chosen answer over the rejected one. */
  DPO;

  /** The lower-case name used on the command line and in configuration ({@code sft}, {@code dpo}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code sft} or {@code dpo}, case-insensitively, naming the option on failure. */
  public static TrainingMethod parse(String option, String value) {
    for (TrainingMethod method : values()) {
      if (method.name().equalsIgnoreCase(value)) {
        return method;
      }
    }
    throw new IllegalArgumentException(option + " must be sft or dpo, but is: " + value);
  }
}
