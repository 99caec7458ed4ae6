package dev.ragft.model.cache;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a model uses the response cache. */
public enum CacheMode {
  /** Answer from the cache when it can, ask the model otherwise and record the answer. */
  READ_WRITE,
  /** Answer only from the cache; a request that was not recorded is an error. */
  REPLAY,
  /** Always ask the model and record nothing. */
  OFF;

  /** The name used in configuration and on the command line. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@code read-write}, {@code replay} or {@code off}, naming the bad value on failure. */
  @JsonCreator
  public static CacheMode parse(String value) {
    for (CacheMode mode : values()) {
      if (mode.id().equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "cache mode must be read-write, replay or off, but is: " + value);
  }
}
