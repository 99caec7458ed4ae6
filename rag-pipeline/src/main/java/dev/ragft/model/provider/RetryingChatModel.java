package dev.ragft.model.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ragft.common.RagftException;
import java.util.Objects;

/**
 * A remote {@link ChatModel} whose retriable failures (429, 5xx, timeouts, dropped connections)
 * are retried as its {@link RetryPolicy} says; any failure that remains is a
 * {@link RagftException} naming the model, with the API key redacted.
 */
final class RetryingChatModel extends DelegatingChatModel {

  private final String description;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Secrets secrets;

  RetryingChatModel(ChatModel delegate, String description, RetryPolicy policy, Sleeper sleeper,
      Secrets secrets) {
    super(delegate);
    this.description = Objects.requireNonNull(description, "description");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return delegate.chat(request);
      } catch (RuntimeException e) {
        if (attempt >= policy.maxAttempts() || !RemoteFailures.retriable(e)) {
          throw RemoteFailures.report(description, attempt, e, secrets);
        }
        try {
          sleeper.sleep(policy.delayBefore(attempt + 1));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw RemoteFailures.report(description, attempt, e, secrets);
        }
      }
    }
  }
}
