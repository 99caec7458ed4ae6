/**
 * The one internal record for a training example, {@link dev.ragft.finetune.example.TrainingExample}:
 * an optional system prompt, the conversation turns before the answer, the target answer, a weight,
 * an optional rejected answer for preference (DPO) training, and where the example came from
 * ({@link dev.ragft.finetune.example.Provenance}). Every builder produces these records and every
 * exporter reads only them, so a provider format never leaks into the rest of the pipeline.
 */
package dev.ragft.finetune.example;
