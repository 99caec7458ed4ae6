package dev.ragft.model.cache;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ChatModel} that answers from a {@link ResponseCache} when it can and records fresh
 * answers, as its {@link CachePolicy} says. Defaults and capabilities are the delegate's, so the
 * key is computed from the request exactly as the delegate would run it.
 */
public final class CachingChatModel implements ChatModel {

  private final ChatModel delegate;
  private final CachePolicy policy;

  /** Wraps {@code delegate}. */
  public CachingChatModel(ChatModel delegate, CachePolicy policy) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    CacheKey key = policy.key(request);
    Optional<CachedResponse> hit = policy.lookup(key);
    if (hit.isPresent()) {
      return hit.get().toResponse();
    }
    ChatResponse response = delegate.chat(request);
    policy.record(key, CachedResponse.of(response));
    return response;
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
