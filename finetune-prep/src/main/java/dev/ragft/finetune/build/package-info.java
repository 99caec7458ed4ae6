/**
 * The training-set build: {@link dev.ragft.finetune.build.BuildConfig} (a YAML file) drives
 * {@link dev.ragft.finetune.build.TrainingSetBuilder} through loading, PII handling,
 * deduplication, the leakage guard, the split, token counts, the cost estimate, export to every
 * configured format and validation of the exported files; every build writes a byte-stable {@link
 * dev.ragft.finetune.build.Manifest} and a report. {@link dev.ragft.finetune.build.Forgetter}
 * rebuilds without a source and lists the fine-tuned models, found through {@link
 * dev.ragft.finetune.build.TrainedModelLookup}, that were trained on data that held it.
 */
package dev.ragft.finetune.build;
