/** Fireworks AI supervised fine-tuning over its documented REST API, with client-chosen ids. */
package dev.ragft.finetune.provider.fireworks;
