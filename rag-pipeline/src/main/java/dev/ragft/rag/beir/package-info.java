/**
 * Retrieval quality on any BEIR-layout dataset, measured like the published numbers: index the
 * corpus (one chunk per document), retrieve for every judged query of a split, score with
 * {@code trec_eval}'s conventions and write a TREC run file. Fusion weights can be chosen on
 * another judged split first ({@link dev.ragft.rag.beir.WeightTuning}). This is what {@code ragft
 * retrieval-eval} runs and what the SciFact regression checks.
 */
package dev.ragft.rag.beir;
