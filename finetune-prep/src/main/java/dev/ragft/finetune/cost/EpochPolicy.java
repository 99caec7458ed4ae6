package dev.ragft.finetune.cost;

/**
 * OpenAI's default number of epochs for a training set, as the OpenAI Cookbook's "Data
 * preparation and analysis for chat model fine-tuning" computes it: aim for 3 epochs, but train
 * on at least 100 and at most 25,000 example passes, with between 1 and 25 epochs.
 */
public final class EpochPolicy {

  /** The epochs aimed for. */
  public static final int TARGET_EPOCHS = 3;
  /** The fewest example passes aimed for. */
  public static final int MIN_TARGET_EXAMPLES = 100;
  /** The most example passes aimed for. */
  public static final int MAX_TARGET_EXAMPLES = 25_000;
  /** The fewest epochs chosen. */
  public static final int MIN_DEFAULT_EPOCHS = 1;
  /** The most epochs chosen. */
  public static final int MAX_DEFAULT_EPOCHS = 25;

  private EpochPolicy() {
  }

  /** The default epochs for {@code examples} training examples (which must be > 0). */
  public static int automatic(int examples) {
    if (examples <= 0) {
      throw new IllegalArgumentException("examples must be > 0, but is: " + examples);
    }
    if ((long) examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES) {
      return Math.min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES / examples);
    }
    if ((long) examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES) {
      return Math.max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES / examples);
    }
    return TARGET_EPOCHS;
  }
}
