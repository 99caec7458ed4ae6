/**
 * The configuration of an evaluation run: cases, corpus, models (base, fine-tuned from the job
 * registry, or base plus adapters), retrieval contexts, prompt templates, the setup matrix, the
 * judge, rate limits, retries and cost settings. {@link dev.ragft.eval.config.EvalConfigReader}
 * reads it strictly from YAML or JSON; {@link dev.ragft.eval.config.DefaultSetups} is the default
 * matrix (baseline, rag, finetuned, hybrid, oracle). The format is documented in
 * {@code docs/evaluation.md}.
 */
package dev.ragft.eval.config;
