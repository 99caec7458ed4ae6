/**
 * Comparing two runs of the same cases ({@code ragft eval compare RUN_A RUN_B}): for every setup
 * both runs have, the cases that flipped from pass to fail and from fail to pass, and the change in
 * pass rate with a paired bootstrap interval over the cases both runs finished. Run A is the
 * reference (before), run B the candidate (after); deltas are B minus A.
 */
package dev.ragft.eval.compare;
