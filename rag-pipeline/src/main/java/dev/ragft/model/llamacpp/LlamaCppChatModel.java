package dev.ragft.model.llamacpp;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Set;

/**
 * A LangChain4j {@link ChatModel} over an in-process {@link LlamaCppModel}. Request parameters
 * map onto llama.cpp's sampler (temperature, top-p, top-k, penalties, max output tokens, stop
 * sequences; seed, min-p and repeat penalty through {@link LlamaCppChatRequestParameters}); a JSON
 * response format, with or without a schema, constrains the output with a grammar. Tools, images
 * and requests for another model name are rejected. The response carries the token usage. The
 * model is shared, not owned: closing it is the caller's business.
 */
public final class LlamaCppChatModel implements ChatModel {

  private final LlamaCppModel model;
  private final Sampling defaults;

  /** A chat model over {@code model} that uses {@code defaults} for what a request leaves open. */
  public LlamaCppChatModel(LlamaCppModel model, Sampling defaults) {
    this.model = Objects.requireNonNull(model, "model");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /** The model this chat model runs. */
  public LlamaCppModel model() {
    return model;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    LlamaCppRequests.Prepared prepared = LlamaCppRequests.prepare(model, defaults, request);
    Generation generation = model.generate(prepared.prompt(), prepared.sampling(), text -> { });
    return LlamaCppRequests.response(model, generation);
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
