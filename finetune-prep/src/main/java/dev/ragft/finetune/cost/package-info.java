/**
 * What a fine-tuning run will cost: {@link dev.ragft.finetune.cost.EpochPolicy} picks the number
 * of epochs the way OpenAI does by default, {@link dev.ragft.finetune.cost.PriceTable} holds dated
 * training prices (bundled, overridable by a user file), and {@link
 * dev.ragft.finetune.cost.CostEstimator} multiplies billable tokens by epochs by price.
 */
package dev.ragft.finetune.cost;
