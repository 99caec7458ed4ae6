package dev.ragft.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared stories260K test model, found through {@code ragft.shared.dir}. */
final class SharedModel {

  static final String SHA256 = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";

  private SharedModel() {
  }

  /** The model file; skips the test with the reason when it is not there. */
  static Path stories260K() {
    String shared = System.getProperty("ragft.shared.dir");
    assumeTrue(shared != null, "system property ragft.shared.dir is not set; the build sets it"
        + " to ../shared beside the project");
    Path model = Path.of(shared, "models", "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model), "the shared test model is absent: " + model);
    return model;
  }
}
