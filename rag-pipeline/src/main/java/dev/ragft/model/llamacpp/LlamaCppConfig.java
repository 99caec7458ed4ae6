package dev.ragft.model.llamacpp;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to load a GGUF model into this process.
 *
 * @param model the GGUF file
 * @param name the name the model answers to (in responses, caches and the server); by default
 *     the file name without {@code .gguf}
 * @param adapters LoRA adapters applied on top, in order
 * @param contextSize the context window in tokens, prompt and answer together (&gt; 0)
 * @param threads CPU threads for generation; 0 lets llama.cpp choose (the physical cores)
 * @param chatTemplate how chat messages become the prompt
 * @param nativeLog a file for llama.cpp's own log, or null to keep it off; when set, llama.cpp
 *     also writes its log to standard error, for the whole process
 */
public record LlamaCppConfig(Path model, String name, List<LoraAdapter> adapters, int contextSize,
    int threads, ChatTemplateMode chatTemplate, Path nativeLog) {

  /** The context size used when none is given. */
  public static final int DEFAULT_CONTEXT_SIZE = 4096;

  /** Validates the components. */
  public LlamaCppConfig {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    adapters = List.copyOf(adapters);
    if (contextSize <= 0) {
      throw new IllegalArgumentException("context size must be > 0, but is: " + contextSize);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, but is: " + threads);
    }
    Objects.requireNonNull(chatTemplate, "chatTemplate");
  }

  /** The defaults for a model file: its own name, no adapters, 4096 tokens, template auto. */
  public static LlamaCppConfig of(Path model) {
    return new LlamaCppConfig(model, defaultName(model), List.of(), DEFAULT_CONTEXT_SIZE, 0,
        ChatTemplateMode.AUTO, null);
  }

  /** The file name without a {@code .gguf} ending. */
  public static String defaultName(Path model) {
    String file = model.getFileName().toString();
    return file.toLowerCase(Locale.ROOT).endsWith(".gguf")
        ? file.substring(0, file.length() - 5) : file;
  }

  /** A copy with another name. */
  public LlamaCppConfig withName(String value) {
    return new LlamaCppConfig(model, value, adapters, contextSize, threads, chatTemplate,
        nativeLog);
  }

  /** A copy with these adapters. */
  public LlamaCppConfig withAdapters(List<LoraAdapter> value) {
    return new LlamaCppConfig(model, name, value, contextSize, threads, chatTemplate, nativeLog);
  }

  /** A copy with another context size. */
  public LlamaCppConfig withContextSize(int value) {
    return new LlamaCppConfig(model, name, adapters, value, threads, chatTemplate, nativeLog);
  }

  /** A copy with another thread count. */
  public LlamaCppConfig withThreads(int value) {
    return new LlamaCppConfig(model, name, adapters, contextSize, value, chatTemplate, nativeLog);
  }

  /** A copy with another chat template mode. */
  public LlamaCppConfig withChatTemplate(ChatTemplateMode value) {
    return new LlamaCppConfig(model, name, adapters, contextSize, threads, value, nativeLog);
  }

  /** A copy that writes llama.cpp's log to this file (null: no log). */
  public LlamaCppConfig withNativeLog(Path value) {
    return new LlamaCppConfig(model, name, adapters, contextSize, threads, chatTemplate, value);
  }
}
