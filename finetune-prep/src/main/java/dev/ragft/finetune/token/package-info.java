/**
 * Token counts for training data: a {@link dev.ragft.finetune.token.TokenCounter} per tokenizer
 * (jtokkit's {@code o200k_base}/{@code cl100k_base} for OpenAI models, a Hugging Face
 * {@code tokenizer.json} through DJL, a GGUF model's own vocabulary through llama.cpp), {@link
 * dev.ragft.finetune.token.ExampleTokens} to count whole examples, {@link
 * dev.ragft.finetune.token.TokenReport} with min/median/p95/max and the examples over a base
 * model's limit, and {@link dev.ragft.finetune.token.BaseModels}, the bundled table of base models.
 */
package dev.ragft.finetune.token;
