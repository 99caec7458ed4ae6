package dev.ragft.model.provider;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a chat model runs. */
public enum Provider {
  /** In this process, through llama.cpp (the default: no account, no server, no GPU). */
  LLAMACPP("llamacpp"),
  /**
   * Any server that speaks OpenAI's chat completions API: OpenAI itself, vLLM, llama.cpp's
   * server, LM Studio, Together, or {@code ragft serve}.
   */
  OPENAI_COMPATIBLE("openai-compatible"),
  /** An Ollama server, through its own API. */
  OLLAMA("ollama");

  private final String id;

  Provider(String id) {
    this.id = id;
  }

  /** The name used in configuration and on the command line. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Parses a provider name, naming the bad value on failure. */
  @JsonCreator
  public static Provider parse(String value) {
    for (Provider provider : values()) {
      if (provider.id.equals(value)) {
        return provider;
      }
    }
    throw new IllegalArgumentException(
        "provider must be llamacpp, openai-compatible or ollama, but is: " + value);
  }
}
