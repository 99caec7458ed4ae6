package dev.ragft.model.cache;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ragft.model.provider.DelegatingChatModel;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ChatModel} that answers from a {@link ResponseCache} when it can and records fresh
 * answers, as its {@link CachePolicy} says. Defaults and capabilities are the delegate's, so the
 * key is computed from the request exactly as the delegate would run it.
 */
public final class CachingChatModel extends DelegatingChatModel {

  private final CachePolicy policy;

  /** Wraps {@code delegate}. */
  public CachingChatModel(ChatModel delegate, CachePolicy policy) {
    super(delegate);
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
}
