/**
 * Chat messages and the two chat training formats the demo scenario ships: supervised examples in
 * OpenAI chat JSONL ({@link dev.ragft.datasets.chat.ChatExample}) and preference pairs in OpenAI
 * DPO JSONL ({@link dev.ragft.datasets.chat.PreferencePair}), with a validating reader and writer
 * ({@link dev.ragft.datasets.chat.ChatJsonl}). Fine-tuning preparation converts these into its own
 * training records; failure cases reuse {@link dev.ragft.datasets.chat.ChatMessage} for
 * multi-turn prompts.
 */
package dev.ragft.datasets.chat;
