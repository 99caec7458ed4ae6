package dev.ragft.finetune.build;

import dev.ragft.common.RagftException;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.finetune.format.Exporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The bundled build configurations of the scenarios' behaviour training sets, so that a demo
 * builds one with a library call: {@code ScenarioTrainingSets.build("wrenbolt", dir, NONE)} writes
 * the training set (ragft's own form, {@code openai}, {@code openai-dpo} and {@code trl}), its
 * report and manifest into {@code dir}, after the leakage guard checked every example against the
 * scenario's failure cases. {@link #writeConfig} writes the configuration for
 * {@code ragft ft build --config}.
 */
public final class ScenarioTrainingSets {

  private static final String RESOURCE = "dev/ragft/finetune/build/%s-behaviour.yaml";

  private ScenarioTrainingSets() {
  }

  /** The bundled configuration's YAML text for a scenario; an unknown scenario is an error. */
  public static String configText(String scenario) {
    String resource = String.format(RESOURCE, scenario);
    try (InputStream in = ScenarioTrainingSets.class.getClassLoader()
        .getResourceAsStream(resource)) {
      if (in == null) {
        throw new RagftException("there is no bundled behaviour training set for scenario \""
            + scenario + "\"; the bundled scenarios are: " + String.join(", ", Scenarios.names())
            + ".");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  /** The bundled configuration of a scenario's behaviour training set. */
  public static BuildConfig config(String scenario) {
    return BuildConfig.parse(configText(scenario), scenario + "-behaviour.yaml");
  }

  /**
   * Writes the bundled configuration to {@code file}; building it writes the training set into
   * the file's folder.
   */
  public static Path writeConfig(String scenario, Path file) {
    Exporter.writeAtomically(file, configText(scenario).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** Builds a scenario's behaviour training set into {@code outputDir}. */
  public static BuildResult build(String scenario, Path outputDir,
      TrainingSetBuilder.Options options) {
    return TrainingSetBuilder.build(config(scenario), outputDir.toAbsolutePath(),
        scenario + "-behaviour.yaml", options);
  }

  /** Builds the demo scenario's behaviour training set into {@code outputDir}. */
  public static BuildResult buildDemo(Path outputDir) {
    return build(Scenarios.DEMO, outputDir, TrainingSetBuilder.Options.NONE);
  }
}
