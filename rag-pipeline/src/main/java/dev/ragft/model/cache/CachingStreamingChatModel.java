package dev.ragft.model.cache;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The streaming twin of {@link CachingChatModel}. A cached answer arrives as one piece followed
 * by the complete response; a fresh one streams as the delegate streams it and is recorded when
 * it completes. A replay miss goes to the handler's {@code onError}.
 */
public final class CachingStreamingChatModel implements StreamingChatModel {

  private final StreamingChatModel delegate;
  private final CachePolicy policy;

  /** Wraps {@code delegate}. */
  public CachingStreamingChatModel(StreamingChatModel delegate, CachePolicy policy) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    CacheKey key;
    Optional<CachedResponse> hit;
    try {
      key = policy.key(request);
      hit = policy.lookup(key);
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    if (hit.isPresent()) {
      if (!hit.get().text().isEmpty()) {
        handler.onPartialResponse(hit.get().text());
      }
      handler.onCompleteResponse(hit.get().toResponse());
      return;
    }
    delegate.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String text) {
        handler.onPartialResponse(text);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        try {
          policy.record(key, CachedResponse.of(response));
        } catch (RuntimeException e) {
          handler.onError(e);
          return;
        }
        handler.onCompleteResponse(response);
      }

      @Override
      public void onError(Throwable error) {
        handler.onError(error);
      }
    });
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
