/**
 * The {@code local} fine-tuning provider: ragft's in-process CPU LoRA trainer
 * ({@link dev.ragft.finetune.local.LocalTrainer}) behind the same
 * {@link dev.ragft.finetune.job.FineTuningProvider} interface as the remote services, so
 * {@code ragft ft submit --provider local} records, follows, resumes and cancels a local training
 * like any other job. A job's plan, progress, events, checkpoints, adapter and ending live in its
 * registry folder; a file lock there tells every ragft process whether some process is training
 * it.
 */
package dev.ragft.finetune.provider.local;
