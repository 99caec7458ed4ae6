package dev.ragft.finetune.job;

/**
 * How far a submission got. Each step is recorded as soon as it happens, so that a restart after a
 * crash continues from the last recorded step.
 */
public enum SubmissionStep {
  /** The job is recorded with its client key; nothing is uploaded yet. */
  RECORDED,
  /** The training file is uploaded and its id recorded. */
  TRAINING_UPLOADED,
  /** The validation file is uploaded and its id recorded. */
  VALIDATION_UPLOADED,
  /** The create request is about to be sent or was sent; its answer is not recorded. */
  CREATE_SENT,
  /** The provider created the job and its id is recorded. */
  CREATED
}
