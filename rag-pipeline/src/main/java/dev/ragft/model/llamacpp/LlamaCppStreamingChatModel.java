package dev.ragft.model.llamacpp;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.Objects;
import java.util.Set;

/**
 * The streaming twin of {@link LlamaCppChatModel}: the same mapping, with each piece of text
 * passed to the handler as llama.cpp produces it. The handler is called on the calling thread,
 * which returns after {@code onCompleteResponse} or {@code onError}. An exception thrown by the
 * handler stops the generation.
 */
public final class LlamaCppStreamingChatModel implements StreamingChatModel {

  private final LlamaCppModel model;
  private final Sampling defaults;

  /** A streaming model over {@code model} with {@code defaults} for what a request leaves open. */
  public LlamaCppStreamingChatModel(LlamaCppModel model, Sampling defaults) {
    this.model = Objects.requireNonNull(model, "model");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    Generation generation;
    try {
      LlamaCppRequests.Prepared prepared = LlamaCppRequests.prepare(model, defaults, request);
      generation = model.generate(prepared.prompt(), prepared.sampling(),
          handler::onPartialResponse);
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    handler.onCompleteResponse(LlamaCppRequests.response(model, generation));
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return LlamaCppRequests.defaults(model, defaults);
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }
}
