package dev.ragft.finetune.build;

import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Forgets a source: rebuilds the training set without it, and lists every manifest the build ever
 * wrote that held it and every fine-tuned model trained on one of those manifests.
 */
public final class Forgetter {

  /**
   * What forgetting found and did.
   *
   * @param source the forgotten source (id or path)
   * @param manifestsWithSource the SHA-256 of every earlier manifest that held it, sorted
   * @param rebuilt the build without it
   * @param models the models trained on data that held it
   * @param registryAvailable whether a job registry was there to ask
   */
  public record Result(String source, List<String> manifestsWithSource, BuildResult rebuilt,
      List<TrainedModel> models, boolean registryAvailable) {

    /** Copies the lists. */
    public Result {
      manifestsWithSource = List.copyOf(manifestsWithSource);
      models = List.copyOf(models);
    }
  }

  private Forgetter() {
  }

  /**
   * Rebuilds the configuration without {@code source} and asks {@code lookups} (the job
   * registries found, possibly none) for the models trained on each manifest that held it.
   */
  public static Result forget(Path configFile, String source, List<TrainedModelLookup> lookups) {
    Objects.requireNonNull(source, "source");
    BuildConfig config = BuildConfig.load(configFile);
    boolean known = config.sources().stream()
        .anyMatch(s -> s.id().equals(source) || source.equals(s.path()));
    Path base = configFile.toAbsolutePath().getParent();
    Path history = base.resolve(config.output()).resolve(Manifest.HISTORY);
    Set<String> holding = new TreeSet<>();
    if (Files.isDirectory(history)) {
      try (Stream<Path> files = Files.list(history)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          Manifest manifest = Manifest.read(file);
          if (manifest.holdsSource(source)) {
            holding.add(manifest.sha256());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + history + ": " + e.getMessage(), e);
      }
    }
    if (!known && holding.isEmpty()) {
      throw new RagftException("source \"" + source + "\" is neither in "
          + configFile.getFileName() + " nor in any manifest under " + history + ".");
    }
    BuildResult rebuilt = TrainingSetBuilder.build(configFile,
        new TrainingSetBuilder.Options(Set.of(source), false));
    List<TrainedModel> models = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String sha : holding) {
      for (TrainedModelLookup lookup : lookups) {
        for (TrainedModel model : lookup.modelsTrainedOn(sha)) {
          if (seen.add(model.provider() + "\u0000" + model.jobId())) {
            models.add(model);
          }
        }
      }
    }
    return new Result(source, new ArrayList<>(holding), rebuilt, models, !lookups.isEmpty());
  }
}
