/** Mistral fine-tuning over its documented REST API. */
package dev.ragft.finetune.provider.mistral;
