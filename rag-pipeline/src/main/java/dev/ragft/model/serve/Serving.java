package dev.ragft.model.serve;

import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.ChatModels;
import dev.ragft.model.provider.ConfiguredChatModel;
import dev.ragft.model.provider.Provider;
import java.util.Objects;
import java.util.function.Function;

/**
 * A local model and the server in front of it, started together and stopped together: what
 * {@code ragft serve} runs.
 */
public final class Serving implements AutoCloseable {

  private final ConfiguredChatModel model;
  private final OpenAiServer server;

  private Serving(ConfiguredChatModel model, OpenAiServer server) {
    this.model = model;
    this.server = server;
  }

  /**
   * Loads the model {@code config} describes (provider {@code llamacpp}) and serves it as
   * {@code config}'s name says.
   */
  public static Serving start(ChatModelConfig config, ServeConfig serve) {
    return start(config, serve, ChatModels::open);
  }

  /** As {@link #start(ChatModelConfig, ServeConfig)}, opening the model with {@code opener}. */
  public static Serving start(ChatModelConfig config, ServeConfig serve,
      Function<ChatModelConfig, ConfiguredChatModel> opener) {
    Objects.requireNonNull(serve, "serve");
    if (config.provider() != Provider.LLAMACPP) {
      throw new IllegalArgumentException("serve runs a local model, so the provider must be"
          + " llamacpp, but is: " + config.provider().id());
    }
    ConfiguredChatModel model = opener.apply(config);
    try {
      return new Serving(model, OpenAiServer.start(model.chat(), model.streaming(), model.name(),
          serve));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The served model. */
  public ConfiguredChatModel model() {
    return model;
  }

  /** The server. */
  public OpenAiServer server() {
    return server;
  }

  /** Stops the server, then releases the model. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      model.close();
    }
  }
}
