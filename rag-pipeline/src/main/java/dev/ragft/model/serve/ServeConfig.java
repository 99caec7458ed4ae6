package dev.ragft.model.serve;

import java.util.Objects;

/**
 * Where the server listens.
 *
 * @param host the address to bind; loopback ({@code 127.0.0.1}) unless the model should be
 *     reachable from other machines
 * @param port the port, or 0 for any free port (the server reports which)
 * @param workers the threads that serve requests; generation itself runs one at a time
 */
public record ServeConfig(String host, int port, int workers) {

  /** The defaults: {@code 127.0.0.1:8080}, four workers. */
  public static final ServeConfig DEFAULTS = new ServeConfig("127.0.0.1", 8080, 4);

  /** Validates the components. */
  public ServeConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, but is: " + port);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, but is: " + workers);
    }
  }
}
