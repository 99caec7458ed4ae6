package dev.ragft.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.eval.config.EvalConfig;
import dev.ragft.model.cache.CacheMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A run's folder: {@value #RUN_FILE} (the configuration the run was started with, paths made
 * absolute, so {@code ragft eval resume} needs nothing else), the journal, and what the run
 * writes at the end: {@code result.json}, {@code costs.json} and, with a calibrated judge,
 * {@code calibration.json}.
 */
public final class RunFolder {

  /** The file that holds the run's configuration. */
  public static final String RUN_FILE = "run.json";

  private RunFolder() {
  }

  /**
   * The hash that names what a run computes: the configuration's canonical JSON with the
   * settings that change only how it runs (cache mode, concurrency) set to their defaults, so a
   * run can be resumed with other ones.
   */
  public static String identity(EvalConfig config) {
    EvalConfig what = config.withCache(CacheMode.READ_WRITE).withConcurrency(1);
    return Hashes.sha256(canonical(what));
  }

  /** The configuration as canonical JSON (sorted keys, no whitespace). */
  public static String canonical(EvalConfig config) {
    try {
      return Json.mapper().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run configuration could not be written as JSON", e);
    }
  }

  /**
   * Whether {@code folder} holds a run of a configuration other than {@code config} (which
   * {@link #prepare} would refuse); false for a missing or empty folder.
   */
  public static boolean holdsOther(Path folder, EvalConfig config) {
    Path file = folder.resolve(RUN_FILE);
    if (!Files.exists(file)) {
      return false;
    }
    try {
      JsonNode recorded = Json.mapper().readTree(Files.readString(file));
      return !recorded.path("configSha256").asText()
          .equals(identity(EvalRunner.complete(config)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records {@code config} in {@code folder}, or checks it computes what the configuration
   * already recorded there computes; returns its {@linkplain #identity identity}.
   *
   * @throws RagftException when the folder holds another run
   */
  public static String prepare(Path folder, EvalConfig config) {
    String json = canonical(config);
    String sha256 = identity(config);
    Path file = folder.resolve(RUN_FILE);
    try {
      if (Files.exists(file)) {
        JsonNode recorded = Json.mapper().readTree(Files.readString(file));
        if (!recorded.path("configSha256").asText().equals(sha256)) {
          throw new RagftException("the folder " + folder + " holds run "
              + recorded.path("runId").asText() + " of another configuration; resume it with"
              + " 'ragft eval resume " + folder + "' or choose another --out");
        }
        return sha256;
      }
      Files.createDirectories(folder);
      ObjectNode node = Json.mapper().createObjectNode();
      node.put("format", RunJournal.FORMAT);
      node.put("runId", config.runId());
      node.put("configSha256", sha256);
      node.set("config", Json.mapper().readTree(json));
      Path partial = Files.createTempFile(folder, RUN_FILE, ".tmp");
      Files.writeString(partial, Json.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      return sha256;
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), 0, null, "is not a run description: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code text} to {@code file} atomically: beside it first, then moved into place. */
  public static void write(Path file, String text) {
    try {
      Path partial = Files.createTempFile(file.toAbsolutePath().getParent(),
          file.getFileName().toString(), ".tmp");
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The configuration recorded in a run folder. */
  public static EvalConfig read(Path folder) {
    Path file = folder.resolve(RUN_FILE);
    if (!Files.isRegularFile(file)) {
      throw new RagftException(folder + " is not a run folder: it has no " + RUN_FILE
          + "; start a run there with 'ragft eval run --config FILE --out " + folder + "'");
    }
    try {
      JsonNode node = Json.mapper().readTree(Files.readString(file));
      return Json.mapper().treeToValue(node.get("config"), EvalConfig.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InputException(file.toString(), 0, "config", "is not a run configuration: "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
