package dev.ragft.model.provider;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.Objects;
import java.util.Set;

/**
 * A chat model that wraps another and keeps its defaults, capabilities and provider, so that a
 * decorator (a cache, retries, a rate gate) only says what it does to a call, in
 * {@link #doChat}. Requests keep the delegate's defaults, so a decorator sees every request
 * exactly as the delegate would run it.
 */
public abstract class DelegatingChatModel implements ChatModel {

  /** The wrapped model. */
  protected final ChatModel delegate;

  /** Wraps {@code delegate}. */
  protected DelegatingChatModel(ChatModel delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }
}
