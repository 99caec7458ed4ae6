/**
 * {@code ragft demo}, the main job: the bundled Wrenbolt scenario taken through every step of
 * ragft on embedded defaults. {@link dev.ragft.eval.demo.Demo} indexes corpus version 1, builds
 * the behaviour training set, fine-tunes the base model locally within a time limit, evaluates
 * baseline, RAG, fine-tuned, hybrid and oracle on the same failure cases, prints the table and the
 * diagnosis and writes the reports; then it updates the index to corpus version 2, evaluates again
 * and shows freshness ({@link dev.ragft.eval.demo.Freshness}): retrieval follows the new facts,
 * the fine-tuned model keeps the old ones. Every step writes its files under one folder and
 * writes the evaluation configurations it used, so each step can be rerun by hand with
 * {@code ragft eval run}.
 */
package dev.ragft.eval.demo;
