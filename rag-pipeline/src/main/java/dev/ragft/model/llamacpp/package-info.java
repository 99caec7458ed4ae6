/**
 * GGUF models run in this process by llama.cpp, as LangChain4j chat models.
 *
 * <p>{@link dev.ragft.model.llamacpp.LlamaCppModel#load} loads a model with its LoRA adapters,
 * after checking the files, and explains a refused file in one sentence. {@link
 * dev.ragft.model.llamacpp.LlamaCppChatModel} and {@link
 * dev.ragft.model.llamacpp.LlamaCppStreamingChatModel} put LangChain4j's request API on top:
 * the GGUF's own chat template (or a documented plain one, see {@link
 * dev.ragft.model.llamacpp.ChatTemplateMode}), seeded sampling, stop sequences, JSON-schema
 * constrained output and token usage.
 *
 * <pre>{@code
 * try (LlamaCppModel model = LlamaCppModel.load(LlamaCppConfig.of(Path.of("model.gguf")))) {
 *   ChatModel chat = new LlamaCppChatModel(model, Sampling.DEFAULTS);
 *   String answer = chat.chat("What is RAG?");
 * }
 * }</pre>
 */
package dev.ragft.model.llamacpp;
