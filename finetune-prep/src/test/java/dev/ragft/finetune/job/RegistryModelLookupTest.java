package dev.ragft.finetune.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.build.TrainedModel;
import dev.ragft.finetune.build.TrainedModelLookup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job registry as the {@code ft forget} lookup: installed as a service, pointed at a registry
 * folder, it names each succeeded job's model by its id or, for local trainers, its adapter path.
 */
class RegistryModelLookupTest {

  @TempDir
  Path dir;

  @Test
  void the_registry_lists_the_succeeded_models_of_a_manifest_by_id_or_adapter() {
    JobRegistry registry = new JobRegistry(dir);
    registry.createIfAbsent(JobRegistryTest.finished(JobRegistryTest.record("ft-0001",
        JobRegistryTest.MANIFEST_A, JobRegistryTest.T0),
        new JobState.Succeeded("ft:gpt-4o-mini:acme::1", null), JobRegistryTest.T0));
    registry.createIfAbsent(JobRegistryTest.finished(JobRegistryTest.record("ft-0002",
        JobRegistryTest.MANIFEST_A, JobRegistryTest.T0.plusSeconds(1)),
        new JobState.Succeeded(null, "/jobs/ft-0002/output/adapter.gguf"), JobRegistryTest.T0));
    registry.createIfAbsent(JobRegistryTest.finished(JobRegistryTest.record("ft-0003",
        JobRegistryTest.MANIFEST_A, JobRegistryTest.T0.plusSeconds(2)),
        new JobState.Running(0.5, null), JobRegistryTest.T0));
    registry.createIfAbsent(JobRegistryTest.finished(JobRegistryTest.record("ft-0004",
        JobRegistryTest.MANIFEST_B, JobRegistryTest.T0.plusSeconds(3)),
        new JobState.Succeeded("ft:other", null), JobRegistryTest.T0));

    List<TrainedModelLookup> installed = RegistryModelLookup.installed(dir);

    assertThat(installed).hasSize(1).first().isInstanceOf(RegistryModelLookup.class);
    assertThat(installed.getFirst().modelsTrainedOn(JobRegistryTest.MANIFEST_A)).containsExactly(
        new TrainedModel("openai", "ft:gpt-4o-mini:acme::1", "ft-0001",
            JobRegistryTest.MANIFEST_A),
        new TrainedModel("openai", "/jobs/ft-0002/output/adapter.gguf", "ft-0002",
            JobRegistryTest.MANIFEST_A));
    assertThat(new RegistryModelLookup(new JobRegistry(dir.resolve("empty")))
        .modelsTrainedOn(JobRegistryTest.MANIFEST_A)).isEmpty();
  }
}
