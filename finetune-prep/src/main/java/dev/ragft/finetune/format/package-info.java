/**
 * Provider formats: for each one a {@link dev.ragft.finetune.format.FormatCodec} that writes and
 * reads {@link dev.ragft.finetune.example.TrainingExample}s, and {@link
 * dev.ragft.finetune.format.FormatRules} that check a provider's documented rules on any file in
 * that format, as read back from disk. {@link dev.ragft.finetune.format.Format} lists them, {@link
 * dev.ragft.finetune.format.Exporter} writes a set of examples in one of them, and {@link
 * dev.ragft.finetune.format.Validator} reports every broken rule as {@code file:line: rule}. Each
 * rules class cites, in its Javadoc, the documentation each check implements.
 */
package dev.ragft.finetune.format;
