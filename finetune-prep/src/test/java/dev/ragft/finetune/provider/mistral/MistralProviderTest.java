package dev.ragft.finetune.provider.mistral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Json;
import dev.ragft.finetune.job.Checkpoint;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.job.UnsupportedFeatureException;
import dev.ragft.finetune.provider.ProviderFactory;
import dev.ragft.finetune.provider.RemoteProviderContract;
import dev.ragft.finetune.testing.FakeMistral;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.MultipartParser.Part;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MistralProviderTest extends RemoteProviderContract {

  private FakeMistral fake;

  @Override
  protected void install(LoopbackServer server) {
    fake = new FakeMistral(server, TestContexts.FAKE_KEY);
  }

  @Override
  protected String providerName() {
    return "mistral";
  }

  @Override
  protected String keyEnv() {
    return "MISTRAL_API_KEY";
  }

  @Override
  protected ProviderSettings settings() {
    return factory().defaults("mistral").withBaseUrl(fake.baseUrl());
  }

  @Override
  protected ProviderFactory factory() {
    return new MistralProviderFactory();
  }

  @Override
  protected JobSpec spec(Path training) {
    return new JobSpec("open-mistral-7b", TrainingMethod.SFT, training, null,
        new Hyperparameters(2, null, 1e-4, null, null, null, null, null), "support", MANIFEST);
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
    return FakeMistral.FILES;
  }

  @Override
  protected String createRoute() {
    return FakeMistral.JOBS;
  }

  @Override
  protected String jobRoute() {
    return FakeMistral.JOB;
  }

  @Override
  protected String cancelRoute() {
    return FakeMistral.CANCEL;
  }

  @Override
  protected String cancelWhat(String jobId) {
    return "POST /v1/fine_tuning/jobs/" + jobId + "/cancel";
  }

  @Override
  protected String statusWhat(String jobId) {
    return "GET /v1/fine_tuning/jobs/" + jobId;
  }

  @Override
  protected void succeed(String jobId) {
    fake.update(jobId, Json.mapper().createObjectNode().put("status", "SUCCESS")
        .put("fine_tuned_model", "ft:open-mistral-7b:support:1a2b3c4d"));
  }

  @Override
  protected JobState expectedSuccess(String jobId) {
    return new JobState.Succeeded("ft:open-mistral-7b:support:1a2b3c4d", null);
  }

  @Test
  void uploads_and_creates_as_documented() throws IOException {
    JobRecord record = submit();

    LoopbackServer.Request upload = requests("POST", FakeMistral.FILES).get(0);
    assertThat(upload.parts()).extracting(Part::name).containsExactly("purpose", "file");
    assertThat(upload.parts().get(0).text()).isEqualTo("fine-tune");
    assertThat(upload.parts().get(1).filename())
        .isEqualTo("ragft-" + record.clientKey() + "-training.jsonl");
    assertThat(requests("POST", FakeMistral.JOBS).get(0).json()).isEqualTo(Json.mapper()
        .readTree("""
        {"model": "open-mistral-7b",
         "training_files": [{"file_id": "%s", "weight": 1.0}],
         "hyperparameters": {"epochs": 2, "learning_rate": 1.0E-4},
         "suffix": "support", "auto_start": true}""".formatted(FakeMistral.uuid("file", 1))));
    assertThat(record.remoteJobId()).isEqualTo(FakeMistral.uuid("job", 1));
    assertThat(record.state()).isEqualTo(new JobState.Queued());
  }

  @Test
  void finds_a_job_by_its_training_file_across_pages() throws IOException {
    JobRecord record = submit();

    var found = provider().findJob(record.request(registry.jobDir(record.clientKey())));

    assertThat(found).map(job -> job.id()).contains(FakeMistral.uuid("job", 1));
    assertThat(requests("GET", FakeMistral.JOBS).get(0).params())
        .containsEntry("created_by_me", "true").containsEntry("page", "0");
  }

  @Test
  void maps_statuses_and_reads_events_and_checkpoints_from_the_job() throws IOException {
    JobRecord record = submit();
    JobHandle job = record.handle(dir);
    String id = record.remoteJobId();
    fake.update(id, (ObjectNode) Json.mapper().readTree("""
        {"status": "RUNNING",
         "events": [{"name": "status-updated", "created_at": 1790000100,
                     "data": {"status": "RUNNING"}},
                    {"name": "status-updated", "created_at": 1790000000,
                     "data": {"status": "VALIDATED"}}],
         "checkpoints": [{"step_number": 50, "created_at": 1790000500,
                          "metrics": {"train_loss": 0.7, "valid_loss": null}}]}"""));

    assertThat(provider().status(job)).isEqualTo(new JobState.Running(null, null));
    assertThat(provider().events(job)).containsExactly(
        new JobEvent(Instant.ofEpochSecond(1790000000), "info",
            "status-updated {\"status\":\"VALIDATED\"}"),
        new JobEvent(Instant.ofEpochSecond(1790000100), "info",
            "status-updated {\"status\":\"RUNNING\"}"));
    assertThat(provider().checkpoints(job)).containsExactly(new Checkpoint(50, null,
        Instant.ofEpochSecond(1790000500), Map.of("train_loss", 0.7)));

    fake.update(id, Json.mapper().createObjectNode().put("status", "FAILED_VALIDATION"));
    assertThat(provider().status(job)).isEqualTo(new JobState.Failed("the training data failed"
        + " Mistral's validation (last event: status-updated {\"status\":\"RUNNING\"})"));
  }

  @Test
  void refuses_a_suffix_longer_than_mistral_takes() throws IOException {
    JobSpec spec = new JobSpec("open-mistral-7b", TrainingMethod.SFT, training(), null,
        Hyperparameters.defaults(), "a-suffix-far-too-long", MANIFEST);

    assertThatThrownBy(() -> provider().preflight(spec))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("provider 'mistral' accepts a suffix of at most 18 characters, but"
            + " 'a-suffix-far-too-long' has 21.");
  }

  @Test
  void cancelling_reports_the_cancellation_request() throws IOException {
    JobRecord record = submit();

    assertThat(provider().cancel(record.handle(dir)))
        .isEqualTo(new JobState.Running(null, "cancellation requested"));
  }
}
