package dev.ragft.model.cache;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.ragft.model.provider.DelegatingStreamingChatModel;
import java.util.Objects;
import java.util.Optional;

/**
 * The streaming twin of {@link CachingChatModel}. A cached answer arrives as one piece followed
 * by the complete response; a fresh one streams as the delegate streams it and is recorded when
 * it completes. A replay miss goes to the handler's {@code onError}.
 */
public final class CachingStreamingChatModel extends DelegatingStreamingChatModel {

  private final CachePolicy policy;

  /** Wraps {@code delegate}. */
  public CachingStreamingChatModel(StreamingChatModel delegate, CachePolicy policy) {
    super(delegate);
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
}
