package dev.ragft.finetune.job;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Locale;
import java.util.Objects;

/**
 * The state of a fine-tuning job as its provider reports it. Every provider maps its own states
 * onto these six; {@link Succeeded}, {@link Failed} and {@link Cancelled} are final.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JobState.Queued.class, name = "queued"),
    @JsonSubTypes.Type(value = JobState.Validating.class, name = "validating"),
    @JsonSubTypes.Type(value = JobState.Running.class, name = "running"),
    @JsonSubTypes.Type(value = JobState.Succeeded.class, name = "succeeded"),
    @JsonSubTypes.Type(value = JobState.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = JobState.Cancelled.class, name = "cancelled")})
public sealed interface JobState {

  /** Whether the job has ended and its state will not change again. */
  default boolean terminal() {
    return this instanceof Succeeded || this instanceof Failed || this instanceof Cancelled;
  }

  /** The state's name: {@code queued}, {@code validating}, {@code running}, and so on. */
  default String name() {
    return getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** One line for people: the name and whatever detail the state carries. */
  String describe();

  /** Waiting for the provider to start it. */
  record Queued() implements JobState {
    @Override
    public String describe() {
      return "queued";
    }
  }

  /** The provider is checking the uploaded data. */
  record Validating() implements JobState {
    @Override
    public String describe() {
      return "validating";
    }
  }

  /**
   * Training.
   *
   * @param progress the fraction done in [0, 1], or null when the provider does not say
   * @param detail what the provider says it is doing, or null
   */
  record Running(Double progress, String detail) implements JobState {

    /** Validates the components. */
    public Running {
      if (progress != null && !(progress >= 0 && progress <= 1)) {
        throw new IllegalArgumentException("progress must be in [0, 1], but is: " + progress);
      }
    }

    @Override
    public String describe() {
      StringBuilder text = new StringBuilder("running");
      if (progress != null) {
        text.append(String.format(Locale.ROOT, " %.0f%%", progress * 100));
      }
      if (detail != null) {
        text.append(" (").append(detail).append(')');
      }
      return text.toString();
    }
  }

  /**
   * Finished; the fine-tuned model exists.
   *
   * @param modelId the provider's name for the fine-tuned model, or null for local trainers
   * @param adapterPath the path of the adapter a local trainer wrote, or null for remote providers
   */
  record Succeeded(String modelId, String adapterPath) implements JobState {

    /** Validates that the result is named somehow. */
    public Succeeded {
      if (modelId == null && adapterPath == null) {
        throw new IllegalArgumentException("a succeeded job names a model id or an adapter path");
      }
    }

    @Override
    public String describe() {
      return "succeeded: " + (modelId != null ? "model " + modelId : "adapter " + adapterPath);
    }
  }

  /**
   * Ended without a model.
   *
   * @param reason why, as the provider or trainer told it
   */
  record Failed(String reason) implements JobState {

    /** Validates the components. */
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe() {
      return "failed: " + reason;
    }
  }

  /** Stopped on request. */
  record Cancelled() implements JobState {
    @Override
    public String describe() {
      return "cancelled";
    }
  }
}
