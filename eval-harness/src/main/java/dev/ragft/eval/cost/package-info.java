/**
 * What setups cost: dated {@link dev.ragft.eval.cost.InferencePrices} price each call as it is
 * made, and {@link dev.ragft.eval.cost.CostAnalysis} turns a run into a {@link
 * dev.ragft.eval.cost.CostSummary}: cost per 1,000 queries per setup, fine-tuning amortized over a
 * query volume, and the break-even volume at which a fine-tuned model's shorter prompts repay its
 * training.
 */
package dev.ragft.eval.cost;
