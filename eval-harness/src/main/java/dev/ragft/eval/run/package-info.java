/**
 * Running an evaluation: {@link dev.ragft.eval.run.EvalRunner} takes every (case, setup, sample)
 * of a configuration through its model (response cache, per-provider concurrency and token-bucket
 * rate limits, retries with backoff), scores it, and forces it to the {@link
 * dev.ragft.eval.run.RunJournal} at once, so a run killed at any moment resumes without repeating
 * a finished call or losing a finished result. The journal becomes a {@link
 * dev.ragft.eval.result.RunResult} in a fixed order, written to the run folder with a cost
 * summary.
 */
package dev.ragft.eval.run;
