/**
 * Chat models selected by configuration. A {@link dev.ragft.model.provider.ChatModelConfig}
 * names a provider ({@code llamacpp} in process, the default; {@code openai-compatible} for
 * OpenAI, vLLM, llama.cpp's server, LM Studio, Together or {@code ragft serve}; {@code ollama}),
 * a model and its settings; {@link dev.ragft.model.provider.ChatModels} opens it with the
 * response cache in front and, for remote providers, retries with backoff on 429, 5xx, timeouts
 * and dropped connections. API keys come from an environment variable named in the
 * configuration and never reach a log, a cache file or an exception message.
 */
package dev.ragft.model.provider;
