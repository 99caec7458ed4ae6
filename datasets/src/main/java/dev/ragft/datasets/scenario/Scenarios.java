package dev.ragft.datasets.scenario;

import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios bundled on the classpath, listed in {@code dev/ragft/datasets/scenarios/index.txt}
 * (one name per line).
 */
public final class Scenarios {

  /** The scenario {@code ragft demo} uses. */
  public static final String DEMO = "wrenbolt";

  private Scenarios() {
  }

  /** The names of the bundled scenarios, in index order. */
  public static List<String> names() {
    try (InputStream in = Scenarios.class.getClassLoader()
        .getResourceAsStream(Scenario.ROOT + "index.txt")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled scenario called {@code name}, loaded and validated; empty if there is none. */
  public static Optional<Scenario> find(String name) {
    if (!names().contains(name)) {
      return Optional.empty();
    }
    return Optional.ofNullable(Scenario.loadOrNull(name));
  }

  /**
   * The bundled scenario called {@code name}.
   *
   * @throws RagftException when there is no such scenario, naming the ones there are
   */
  public static Scenario load(String name) {
    return find(name).orElseThrow(() -> new RagftException("There is no scenario \"" + name
        + "\"; the bundled scenarios are: " + String.join(", ", names()) + "."));
  }

  /** The demo scenario. */
  public static Scenario demo() {
    return load(DEMO);
  }
}
