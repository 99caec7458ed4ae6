package dev.ragft.finetune.provider.fireworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.job.UnsupportedFeatureException;
import dev.ragft.finetune.provider.ProviderFactory;
import dev.ragft.finetune.provider.RemoteProviderContract;
import dev.ragft.finetune.testing.FakeFireworks;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FireworksProviderTest extends RemoteProviderContract {

  private FakeFireworks fake;

  @Override
  protected void install(LoopbackServer server) {
    fake = new FakeFireworks(server, TestContexts.FAKE_KEY);
  }

  @Override
  protected String providerName() {
    return "fireworks";
  }

  @Override
  protected String keyEnv() {
    return "FIREWORKS_API_KEY";
  }

  @Override
  protected ProviderSettings settings() {
    return factory().defaults("fireworks").withBaseUrl(fake.baseUrl())
        .withAccountId(FakeFireworks.ACCOUNT);
  }

  @Override
  protected ProviderFactory factory() {
    return new FireworksProviderFactory();
  }

  @Override
  protected JobSpec spec(Path training) {
    return new JobSpec("accounts/fireworks/models/llama-v3p1-8b-instruct", TrainingMethod.SFT,
        training, null, new Hyperparameters(3, null, 1e-4, 16, 8, null, null, null), null,
        MANIFEST);
  }

  @Override
  protected int uploads() {
    return fake.uploads();
  }

  @Override
  protected int creations() {
    return fake.creations();
  }

  @Override
  protected String uploadRoute() {
    return FakeFireworks.DATASET_UPLOAD;
  }

  @Override
  protected String createRoute() {
    return FakeFireworks.JOBS;
  }

  @Override
  protected String jobRoute() {
    return FakeFireworks.JOB;
  }

  @Override
  protected String cancelRoute() {
    return FakeFireworks.CANCEL;
  }

  @Override
  protected String cancelWhat(String jobId) {
    return "POST /v1/accounts/acme/supervisedFineTuningJobs/" + jobId + ":cancel";
  }

  @Override
  protected String statusWhat(String jobId) {
    return "GET /v1/accounts/acme/supervisedFineTuningJobs/" + jobId;
  }

  @Override
  protected void succeed(String jobId) {
    fake.update(jobId, Json.mapper().createObjectNode().put("state", "JOB_STATE_COMPLETED")
        .put("outputModel", "accounts/acme/models/" + jobId));
  }

  @Override
  protected JobState expectedSuccess(String jobId) {
    return new JobState.Succeeded("accounts/acme/models/" + jobId, null);
  }

  @Test
  void creates_a_dataset_with_a_client_chosen_id_then_uploads_its_file() throws IOException {
    JobRecord record = submit();
    String datasetId = record.clientKey() + "-training";

    LoopbackServer.Request create = requests("POST", FakeFireworks.DATASETS).get(0);
    assertThat(create.json()).isEqualTo(Json.mapper().readTree(
        "{\"datasetId\": \"" + datasetId + "\", \"dataset\": {\"userUploaded\": {}}}"));
    LoopbackServer.Request upload = requests("POST", FakeFireworks.DATASET_UPLOAD).get(0);
    assertThat(upload.path()).isEqualTo("/v1/accounts/acme/datasets/" + datasetId + ":upload");
    assertThat(upload.parts()).singleElement().satisfies(part -> {
      assertThat(part.name()).isEqualTo("file");
      assertThat(part.filename()).isEqualTo("ragft-" + datasetId + ".jsonl");
    });
    assertThat(new String(fake.content(datasetId), StandardCharsets.UTF_8)).isEqualTo(TRAINING);
    assertThat(record.remoteTrainingFile().id())
        .isEqualTo("accounts/acme/datasets/" + datasetId);
  }

  @Test
  void creates_the_job_under_the_client_key_with_documented_fields() throws IOException {
    JobRecord record = submit();

    LoopbackServer.Request create = requests("POST", FakeFireworks.JOBS).get(0);
    assertThat(create.params()).containsExactly(
        Map.entry("supervisedFineTuningJobId", record.clientKey()));
    assertThat(create.json()).isEqualTo(Json.mapper().readTree("""
        {"dataset": "accounts/acme/datasets/%1$s-training",
         "baseModel": "accounts/fireworks/models/llama-v3p1-8b-instruct",
         "displayName": "ragft %1$s", "epochs": 3, "learningRate": 1.0E-4, "loraRank": 8,
         "batchSizeSamples": 16}""".formatted(record.clientKey())));
    assertThat(record.remoteJobId()).isEqualTo(record.clientKey());
    assertThat(record.state()).isEqualTo(new JobState.Queued());
  }

  @Test
  void a_repeated_create_is_answered_409_and_resolves_to_the_existing_job() throws IOException {
    JobRecord record = submit();

    var again = provider().createJob(record.request(registry.jobDir(record.clientKey())));

    assertThat(again.id()).isEqualTo(record.clientKey());
    assertThat(fake.creations()).isEqualTo(1);
    assertThat(requests("POST", FakeFireworks.JOBS)).hasSize(2);
  }

  @Test
  void an_existing_dataset_is_reused_and_only_a_ready_one_counts_as_uploaded()
      throws IOException {
    JobRecord record = submit();
    String key = record.clientKey();

    assertThat(provider().findUpload(FilePurpose.TRAINING, key, dir))
        .contains(record.remoteTrainingFile());
    assertThat(provider().findUpload(FilePurpose.VALIDATION, key, dir)).isEmpty();
    assertThat(provider().upload(training(), FilePurpose.TRAINING, key, dir))
        .isEqualTo(record.remoteTrainingFile());
  }

  @Test
  void a_job_under_our_key_but_on_other_data_is_not_taken_for_ours() throws IOException {
    JobRecord record = submit();
    fake.update(record.clientKey(), Json.mapper().createObjectNode()
        .put("dataset", "accounts/acme/datasets/someone-else"));

    assertThatThrownBy(() -> provider().findJob(
        record.request(registry.jobDir(record.clientKey()))))
        .isExactlyInstanceOf(RagftException.class)
        .hasMessage("fireworks has a job " + record.clientKey() + " that was not trained on "
            + record.remoteTrainingFile().id() + "; it is not this submission's job.");
  }

  @Test
  void maps_job_states_with_progress_and_reason() throws IOException {
    JobRecord record = submit();
    JobHandle job = record.handle(dir);
    String id = record.remoteJobId();

    fake.update(id, (ObjectNode) Json.mapper().readTree(
        "{\"state\": \"JOB_STATE_RUNNING\", \"jobProgress\": {\"percent\": 40}}"));
    assertThat(provider().status(job)).isEqualTo(new JobState.Running(0.4, null));
    fake.update(id, Json.mapper().createObjectNode().put("state", "JOB_STATE_VALIDATING"));
    assertThat(provider().status(job)).isEqualTo(new JobState.Validating());
    fake.update(id, (ObjectNode) Json.mapper().readTree(
        "{\"state\": \"JOB_STATE_FAILED\", \"status\": {\"code\": \"INVALID_ARGUMENT\","
            + " \"message\": \"dataset has 3 examples, at least 10 are needed\"}}"));
    assertThat(provider().status(job)).isEqualTo(new JobState.Failed(
        "dataset has 3 examples, at least 10 are needed (JOB_STATE_FAILED)"));
  }

  @Test
  void cancels_with_the_documented_colon_verb_and_reads_the_state_back() throws IOException {
    JobRecord record = submit();

    assertThat(provider().cancel(record.handle(dir))).isEqualTo(new JobState.Cancelled());
  }

  @Test
  void offers_neither_dpo_nor_events_nor_checkpoints() throws IOException {
    JobSpec dpo = new JobSpec("m", TrainingMethod.DPO, training(), null,
        Hyperparameters.defaults(), null, MANIFEST);

    assertThatThrownBy(() -> provider().preflight(dpo))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageStartingWith("provider 'fireworks' cannot run this job as asked: it does not"
            + " offer dpo training");
    JobHandle handle = new JobHandle("x", dir);
    assertThatThrownBy(() -> provider().events(handle))
        .hasMessage("provider 'fireworks' does not list job events.");
    assertThatThrownBy(() -> provider().checkpoints(handle))
        .hasMessage("provider 'fireworks' does not list checkpoints.");
  }

  @Test
  void needs_an_account_id() {
    ProviderSettings noAccount = factory().defaults("fireworks").withBaseUrl(fake.baseUrl());

    assertThatThrownBy(() -> factory().create(noAccount, recorded.context()))
        .hasMessage("provider 'fireworks' of type fireworks needs the setting accountId.");
  }
}
