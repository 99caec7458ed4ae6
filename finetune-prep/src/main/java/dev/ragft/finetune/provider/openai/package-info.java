/**
 * OpenAI fine-tuning over its documented REST API; OpenAI accepts no new fine-tuning jobs after
 * 2027-01-06.
 */
package dev.ragft.finetune.provider.openai;
