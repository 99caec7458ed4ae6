/**
 * Prompt templates: how a failure case and the passages a setup gives become the messages a model
 * reads. The built-in {@code support} template follows the layout of the demo scenario's training
 * data, so what a model is fine-tuned on is what it is evaluated with.
 */
package dev.ragft.eval.prompt;
