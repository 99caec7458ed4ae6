package dev.ragft.model.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.ragft.model.llamacpp.LlamaCppModel;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat model opened from a {@link ChatModelConfig}, with caching (and for remote providers,
 * retries) in place. It owns the in-process model, if any: close it when done.
 */
public final class ConfiguredChatModel implements AutoCloseable {

  private final ChatModel chat;
  private final StreamingChatModel streaming;
  private final String name;
  private final String description;
  private final boolean smoke;
  private final LlamaCppModel local;

  ConfiguredChatModel(ChatModel chat, StreamingChatModel streaming, String name,
      String description, boolean smoke, LlamaCppModel local) {
    this.chat = Objects.requireNonNull(chat, "chat");
    this.streaming = Objects.requireNonNull(streaming, "streaming");
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.smoke = smoke;
    this.local = local;
  }

  /** The model as a LangChain4j chat model. */
  public ChatModel chat() {
    return chat;
  }

  /** The model as a LangChain4j streaming chat model. */
  public StreamingChatModel streaming() {
    return streaming;
  }

  /** The name the model answers to. */
  public String name() {
    return name;
  }

  /** What the model is and where it runs, in a line (never with a key). */
  public String description() {
    return description;
  }

  /** Whether this is a smoke model, whose answers mean nothing. */
  public boolean smoke() {
    return smoke;
  }

  /** The in-process model, for the llamacpp provider. */
  public Optional<LlamaCppModel> local() {
    return Optional.ofNullable(local);
  }

  /** Releases the in-process model, if any. */
  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
  }
}
