package dev.ragft.finetune.job;

import dev.ragft.finetune.build.TrainedModel;
import dev.ragft.finetune.build.TrainedModelLookup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The job registry as a {@link TrainedModelLookup} for {@code ragft ft forget}: the models of the
 * succeeded jobs trained on a manifest ({@link JobRegistry#modelsTrainedOn}), each named by its
 * model id, or by its adapter path for local trainers. Registered as a service, reading the
 * default registry ({@code ~/.ragft/ft-jobs}); {@link #installed(Path)} points it elsewhere.
 */
public final class RegistryModelLookup implements TrainedModelLookup {

  private final JobRegistry registry;

  /** A lookup over the default registry; the constructor the service loader uses. */
  public RegistryModelLookup() {
    this(new JobRegistry(JobRegistry.defaultRoot()));
  }

  /** A lookup over {@code registry}. */
  public RegistryModelLookup(JobRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Every installed {@link TrainedModelLookup} service, in service order, with the job registry's
   * own one reading the registry rooted at {@code registryRoot} (the default one when null).
   */
  public static List<TrainedModelLookup> installed(Path registryRoot) {
    List<TrainedModelLookup> lookups = new ArrayList<>();
    for (TrainedModelLookup lookup : ServiceLoader.load(TrainedModelLookup.class)) {
      lookups.add(lookup instanceof RegistryModelLookup && registryRoot != null
          ? new RegistryModelLookup(new JobRegistry(registryRoot)) : lookup);
    }
    return lookups;
  }

  @Override
  public List<TrainedModel> modelsTrainedOn(String manifestSha256) {
    return registry.modelsTrainedOn(manifestSha256).stream()
        .map(model -> new TrainedModel(model.provider(),
            model.modelId() != null ? model.modelId() : model.adapterPath(), model.clientKey(),
            manifestSha256))
        .toList();
  }
}
