package dev.ragft.model.cache;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ragft.common.RagftException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caching wrappers share: the cache, its mode, and the identity of the model whose
 * answers it holds.
 *
 * @param cache where responses are kept
 * @param mode how the cache is used
 * @param provider the provider's id
 * @param model what identifies the model's behaviour (see {@link CacheKey#of})
 * @param modelName the model's name, for messages
 */
public record CachePolicy(ResponseCache cache, CacheMode mode, String provider,
    Map<String, ?> model, String modelName) {

  /** Validates the components. */
  public CachePolicy {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(provider, "provider");
    model = Map.copyOf(model);
    Objects.requireNonNull(modelName, "modelName");
  }

  /** The key of a request (with every default applied). */
  public CacheKey key(ChatRequest request) {
    return CacheKey.of(provider, model, request);
  }

  /**
   * The cached response when the mode reads the cache and it has one; in replay mode a miss is
   * a {@link RagftException} naming the key.
   */
  public Optional<CachedResponse> lookup(CacheKey key) {
    if (mode == CacheMode.OFF) {
      return Optional.empty();
    }
    Optional<CachedResponse> hit = cache.get(key);
    if (hit.isEmpty() && mode == CacheMode.REPLAY) {
      throw new RagftException("the response cache has no answer for this request and the"
          + " cache mode is replay: key " + key.sha256() + " (provider " + provider + ", model "
          + modelName + ", cache " + cache.folder() + "); run once with cache mode read-write to"
          + " record it");
    }
    return hit;
  }

  /** Records a fresh response unless the mode is off. */
  public void record(CacheKey key, CachedResponse response) {
    if (mode == CacheMode.READ_WRITE) {
      cache.put(key, response);
    }
  }
}
