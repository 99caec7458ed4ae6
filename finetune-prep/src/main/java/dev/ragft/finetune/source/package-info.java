/**
 * Readers that turn a build's input files into {@link dev.ragft.finetune.example.TrainingExample}s
 * with provenance: curated examples ({@link dev.ragft.finetune.source.CuratedSource}, chat
 * {@code messages} or {@code prompt}/{@code completion} lines), failure cases with corrected ideal
 * answers ({@link dev.ragft.finetune.source.CorrectionSource}, which become preference pairs when
 * they carry the failing answer), and teacher-generated examples over corpus chunks ({@link
 * dev.ragft.finetune.source.TeacherSource}).
 */
package dev.ragft.finetune.source;
