/**
 * The results of an evaluation run, as values: what every (case, setup) pair answered, which
 * deterministic checks it passed, how it was labelled when it failed, what was retrieved and what
 * it cost. {@link dev.ragft.eval.result.RunResult} is the whole run; it is what the run journal
 * accumulates, what reports and statistics read, and what {@code ragft eval compare} compares.
 * Everything here is immutable and serializes to byte-stable JSON.
 */
package dev.ragft.eval.result;
