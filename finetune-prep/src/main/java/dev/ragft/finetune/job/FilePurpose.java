package dev.ragft.finetune.job;

import java.util.Locale;

/** The role of a data file in a job. */
public enum FilePurpose {
  /** The examples the model is trained on. */
  TRAINING,
  /** The held-out examples the provider reports validation metrics on. */
  VALIDATION;

  /** The lower-case name used in file names and messages. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
