package dev.ragft.model.provider;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.Objects;

/**
 * The streaming twin of {@link RetryingChatModel}. A failure is retried only while no piece of
 * text has reached the handler, so the caller never sees an answer twice; after that, or when
 * the attempts run out, the handler gets a redacted error naming the model.
 */
final class RetryingStreamingChatModel extends DelegatingStreamingChatModel {

  private final String description;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Secrets secrets;

  RetryingStreamingChatModel(StreamingChatModel delegate, String description, RetryPolicy policy,
      Sleeper sleeper, Secrets secrets) {
    super(delegate);
    this.description = Objects.requireNonNull(description, "description");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    attempt(request, handler, 1);
  }

  private void attempt(ChatRequest request, StreamingChatResponseHandler handler, int attempt) {
    delegate.chat(request, new StreamingChatResponseHandler() {
      private boolean started;

      @Override
      public void onPartialResponse(String text) {
        started = true;
        handler.onPartialResponse(text);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        handler.onCompleteResponse(response);
      }

      @Override
      public void onError(Throwable error) {
        if (started || attempt >= policy.maxAttempts() || !RemoteFailures.retriable(error)) {
          handler.onError(RemoteFailures.report(description, attempt, error, secrets));
          return;
        }
        try {
          sleeper.sleep(policy.delayBefore(attempt + 1));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          handler.onError(RemoteFailures.report(description, attempt, error, secrets));
          return;
        }
        attempt(request, handler, attempt + 1);
      }
    });
  }
}
