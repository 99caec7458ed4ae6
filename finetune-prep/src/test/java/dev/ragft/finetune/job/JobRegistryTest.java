package dev.ragft.finetune.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRegistryTest {

  static final String MANIFEST_A = "a".repeat(64);
  static final String MANIFEST_B = "b".repeat(64);
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir
  Path dir;

  static JobRecord record(String key, String manifest, Instant at) {
    JobSpec spec = new JobSpec("gpt-4o-mini", TrainingMethod.SFT, Path.of("train.jsonl"), null,
        new Hyperparameters(3, 0.5, null, 8, null, null, 42L, null), "support", manifest);
    return JobRecord.recorded(key, ProviderSettings.of("openai", "openai"), spec,
        new LocalFile("/data/train.jsonl", "c".repeat(64), 120), null, at);
  }

  static JobRecord finished(JobRecord record, JobState state, Instant at) {
    return record
        .withUpload(FilePurpose.TRAINING, new RemoteFile("file-1", "ragft.jsonl"), at)
        .withCreateSent(at)
        .withJob(new CreatedJob("ftjob-" + record.clientKey(), new JobState.Queued()), at)
        .withState(state, at);
  }

  @Test
  void a_record_survives_a_round_trip_field_for_field() {
    JobRegistry registry = new JobRegistry(dir);
    JobRecord record = finished(record("ft-0001", MANIFEST_A, T0),
        new JobState.Running(0.5, "epoch 2"), T0.plusSeconds(60));

    registry.createIfAbsent(record);

    assertThat(registry.load("ft-0001")).isEqualTo(record);
    assertThat(new JobRegistry(dir).load("ft-0001")).isEqualTo(record);
  }

  @Test
  void the_record_file_is_readable_json_without_secrets_or_surprises() throws IOException {
    JobRegistry registry = new JobRegistry(dir);
    registry.createIfAbsent(finished(record("ft-0001", MANIFEST_A, T0),
        new JobState.Succeeded("ft:gpt-4o-mini:acme::x1", null), T0));

    String json = Files.readString(dir.resolve("ft-0001").resolve(JobRegistry.RECORD_FILE));

    assertThat(json).contains("\"state\" : \"succeeded\"", "\"modelId\" : \"ft:gpt-4o-mini:acme::x1\"",
        "\"createdAt\" : \"2026-11-21T10:00:00Z\"", "\"datasetManifestSha256\" : \"" + MANIFEST_A);
    assertThat(Files.exists(AtomicFiles.temp(dir.resolve("ft-0001").resolve("job.json"))))
        .isFalse();
  }

  @Test
  void create_if_absent_keeps_an_existing_record() {
    JobRegistry registry = new JobRegistry(dir);
    JobRecord first = registry.createIfAbsent(record("ft-0001", MANIFEST_A, T0));

    JobRecord second = registry.createIfAbsent(record("ft-0001", MANIFEST_B, T0.plusSeconds(5)));

    assertThat(second).isEqualTo(first);
    assertThat(registry.load("ft-0001").datasetManifestSha256()).isEqualTo(MANIFEST_A);
  }

  @Test
  void a_torn_write_leaves_the_previous_record_readable() throws IOException {
    JobRegistry registry = new JobRegistry(dir);
    JobRecord v1 = registry.createIfAbsent(record("ft-0001", MANIFEST_A, T0));
    Path file = dir.resolve("ft-0001").resolve(JobRegistry.RECORD_FILE);
    byte[] v2 = Files.readAllBytes(file);
    // What a crash halfway through writing the next version leaves behind.
    Files.write(AtomicFiles.temp(file), Arrays.copyOf(v2, v2.length / 2));

    assertThat(registry.load("ft-0001")).isEqualTo(v1);
    assertThat(registry.list()).containsExactly(v1);

    JobRecord v3 = registry.update("ft-0001",
        current -> current.withState(new JobState.Cancelled(), T0.plusSeconds(9)));
    assertThat(registry.load("ft-0001")).isEqualTo(v3);
    assertThat(Files.exists(AtomicFiles.temp(file))).isFalse();
  }

  @Test
  void a_corrupt_record_is_an_input_error_naming_the_file() throws IOException {
    JobRegistry registry = new JobRegistry(dir);
    Path file = dir.resolve("ft-0001").resolve(JobRegistry.RECORD_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"formatVersion\": 1, \"clientKey\": ");

    assertThatThrownBy(() -> registry.load("ft-0001"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": is not a readable job record: ");
  }

  @Test
  void models_trained_on_a_manifest_are_the_succeeded_jobs_that_used_it() {
    JobRegistry registry = new JobRegistry(dir);
    registry.createIfAbsent(finished(record("ft-0003", MANIFEST_A, T0.plusSeconds(3)),
        new JobState.Succeeded(null, "/jobs/ft-0003/output/adapter.gguf"), T0));
    registry.createIfAbsent(finished(record("ft-0001", MANIFEST_A, T0.plusSeconds(1)),
        new JobState.Succeeded("ft:gpt-4o-mini:acme::one", null), T0));
    registry.createIfAbsent(finished(record("ft-0002", MANIFEST_A, T0.plusSeconds(2)),
        new JobState.Running(null, null), T0));
    registry.createIfAbsent(finished(record("ft-0004", MANIFEST_B, T0.plusSeconds(4)),
        new JobState.Succeeded("ft:gpt-4o-mini:acme::other", null), T0));
    registry.createIfAbsent(finished(record("ft-0005", MANIFEST_A, T0.plusSeconds(5)),
        new JobState.Failed("out of memory"), T0));

    assertThat(registry.modelsTrainedOn(MANIFEST_A)).containsExactly(
        new TrainedModel("ft-0001", "openai", "gpt-4o-mini", "ft:gpt-4o-mini:acme::one", null),
        new TrainedModel("ft-0003", "openai", "gpt-4o-mini", null,
            "/jobs/ft-0003/output/adapter.gguf"));
    assertThat(registry.jobsUsing(MANIFEST_A)).extracting(JobRecord::clientKey)
        .containsExactly("ft-0001", "ft-0002", "ft-0003", "ft-0005");
    assertThat(registry.modelsTrainedOn("f".repeat(64))).isEmpty();
  }

  @Test
  void jobs_are_listed_oldest_first_with_ties_broken_by_key() {
    JobRegistry registry = new JobRegistry(dir);
    registry.createIfAbsent(record("ft-0002", MANIFEST_A, T0));
    registry.createIfAbsent(record("ft-0001", MANIFEST_A, T0));
    registry.createIfAbsent(record("ft-0000", MANIFEST_A, T0.plusSeconds(1)));

    assertThat(registry.list()).extracting(JobRecord::clientKey)
        .containsExactly("ft-0001", "ft-0002", "ft-0000");
  }

  @Test
  void a_job_can_be_named_by_a_unique_prefix_of_its_key() {
    JobRegistry registry = new JobRegistry(dir);
    registry.createIfAbsent(record("ft-aa11", MANIFEST_A, T0));
    registry.createIfAbsent(record("ft-aa22", MANIFEST_A, T0));
    registry.createIfAbsent(record("ft-bb33", MANIFEST_A, T0));

    assertThat(registry.resolve("ft-b").clientKey()).isEqualTo("ft-bb33");
    assertThat(registry.resolve("ft-aa22").clientKey()).isEqualTo("ft-aa22");
    assertThatThrownBy(() -> registry.resolve("ft-aa"))
        .isInstanceOf(RagftException.class)
        .hasMessage("'ft-aa' matches several jobs (ft-aa11, ft-aa22); give more of the key.");
    assertThatThrownBy(() -> registry.resolve("ft-cc"))
        .hasMessage("the job registry " + dir.toAbsolutePath() + " has no job ft-cc.");
  }

  @Test
  void keys_that_are_not_safe_folder_names_are_refused() {
    JobRegistry registry = new JobRegistry(dir);

    assertThatThrownBy(() -> registry.jobDir("../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a client key is 3 to 63 lower-case letters, digits and hyphens, starting"
            + " with a letter or digit, but is: ../escape");
  }

  @Test
  void concurrent_updates_lose_nothing() throws Exception {
    JobRegistry registry = new JobRegistry(dir);
    registry.createIfAbsent(record("ft-0001", MANIFEST_A, T0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      int t = thread;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 10; i++) {
          int n = i;
          registry.update("ft-0001", current -> current.withState(
              new JobState.Running((t * 10 + n + 1) / 100.0, "thread " + t), T0));
        }
      }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();

    assertThat(registry.load("ft-0001").history()).hasSize(1 + 40);
  }

  @Test
  void running_details_update_the_state_but_only_progress_and_new_states_make_history() {
    JobRecord record = record("ft-0001", MANIFEST_A, T0)
        .withState(new JobState.Running(0.10, "step 10"), T0)
        .withState(new JobState.Running(0.101, "step 11"), T0)
        .withState(new JobState.Running(0.101, "step 12"), T0)
        .withState(new JobState.Running(0.2, "step 20"), T0)
        .withState(new JobState.Succeeded("m", null), T0);

    assertThat(record.history()).extracting(HistoryEntry::change).containsExactly("recorded",
        "running 10% (step 10)", "running 20% (step 20)", "succeeded: model m");
    assertThat(record.withState(new JobState.Succeeded("m", null), T0)).isSameAs(record);
  }

  @Test
  void the_default_registry_lives_in_the_users_ragft_folder() {
    assertThat(JobRegistry.defaultRoot()).isEqualTo(
        Path.of(System.getProperty("user.home"), ".ragft", "ft-jobs"));
  }

  @Test
  void atomic_copies_replace_the_target_whole() throws IOException {
    Path source = dir.resolve("source.jsonl");
    Path target = dir.resolve("target.jsonl");
    Files.writeString(source, "new\n");
    Files.writeString(target, "old\n");

    AtomicFiles.copy(source, target);

    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("new\n");
    assertThat(Files.exists(AtomicFiles.temp(target))).isFalse();
  }
}
