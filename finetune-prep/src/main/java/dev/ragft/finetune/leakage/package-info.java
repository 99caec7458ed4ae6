/**
 * The leakage guard: training on the evaluation cases makes every later comparison worthless, so
 * {@link dev.ragft.finetune.leakage.LeakageGuard} compares each training example's prompt with each
 * {@link dev.ragft.finetune.leakage.EvalCase} — equal after normalisation, or word n-gram Jaccard
 * similarity or containment above a threshold — and a build stops with a {@link
 * dev.ragft.finetune.leakage.LeakageException} listing the pairs unless leakage is explicitly
 * allowed. Any case format can be adapted to the small {@code EvalCase} record.
 */
package dev.ragft.finetune.leakage;
