/**
 * Chat models for ragft: the in-process llama.cpp model (the default, no account and no GPU
 * needed), remote OpenAI-compatible endpoints and Ollama, all behind LangChain4j's
 * {@code ChatModel}; a response cache for reproducible reruns; a catalogue of pinned models that
 * are downloaded on first use; and an OpenAI-compatible server for local models.
 *
 * <p>Most callers need only {@link dev.ragft.model.provider.ChatModels#open}, which turns a
 * {@link dev.ragft.model.provider.ChatModelConfig} into a ready model with caching and retries.
 */
package dev.ragft.model;
