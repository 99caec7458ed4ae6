package dev.ragft.finetune.job;

/**
 * The training settings a job may fix. Each provider supports some of them; asking a provider for
 * one it does not support fails before anything is recorded or uploaded.
 */
public enum Hyperparameter {
  /** Passes over the training data. */
  EPOCHS("epochs", "--epochs", "epochs"),
  /** A factor on the provider's own learning rate (OpenAI's {@code learning_rate_multiplier}). */
  LEARNING_RATE_MULTIPLIER("learning-rate multiplier", "--lr-multiplier", "lr_multiplier"),
  /** An absolute learning rate (Together, Fireworks, Mistral, local trainers). */
  LEARNING_RATE("learning rate", "--learning-rate", "learning_rate"),
  /** Examples per optimiser step. */
  BATCH_SIZE("batch size", "--batch-size", "batch_size"),
  /** The rank of the LoRA matrices. */
  LORA_RANK("LoRA rank", "--lora-rank", "lora_rank"),
  /** The LoRA scaling factor alpha. */
  LORA_ALPHA("LoRA alpha", "--lora-alpha", "lora_alpha"),
  /** The seed of the trainer's random choices (data order, initialisation). */
  SEED("seed", "--seed", "seed"),
  /** The DPO beta: how strongly the policy is kept near the reference model. */
  DPO_BETA("DPO beta", "--dpo-beta", "dpo_beta");

  private final String label;
  private final String option;
  private final String placeholder;

  Hyperparameter(String label, String option, String placeholder) {
    this.label = label;
    this.option = option;
    this.placeholder = placeholder;
  }

  /** A short human name, e.g. {@code LoRA rank}. */
  public String label() {
    return label;
  }

  /** The {@code ragft ft submit} option that sets it, e.g. {@code --lora-rank}. */
  public String option() {
    return option;
  }

  /** The name of its placeholder in a command template, without braces, e.g. {@code lora_rank}. */
  public String placeholder() {
    return placeholder;
  }

  /** The label and option together, as error messages name a setting. */
  public String describe() {
    return label + " (" + option + ")";
  }
}
