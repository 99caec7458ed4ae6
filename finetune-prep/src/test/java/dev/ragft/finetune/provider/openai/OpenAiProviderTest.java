package dev.ragft.finetune.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Json;
import dev.ragft.finetune.job.Checkpoint;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.job.UnsupportedFeatureException;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.ProviderFactory;
import dev.ragft.finetune.provider.RemoteProviderContract;
import dev.ragft.finetune.testing.FakeOpenAi;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.MultipartParser.Part;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiProviderTest extends RemoteProviderContract {

  private FakeOpenAi fake;

  @Override
  protected void install(LoopbackServer server) {
    fake = new FakeOpenAi(server, TestContexts.FAKE_KEY);
  }

  @Override
  protected String providerName() {
    return "openai";
  }

  @Override
  protected String keyEnv() {
    return "OPENAI_API_KEY";
  }

  @Override
  protected ProviderSettings settings() {
    return factory().defaults("openai").withBaseUrl(fake.baseUrl());
  }

  @Override
  protected ProviderFactory factory() {
    return new OpenAiProviderFactory();
  }

  @Override
  protected JobSpec spec(Path training) {
    return new JobSpec("gpt-4o-mini-2024-07-18", TrainingMethod.SFT, training, null,
        new Hyperparameters(3, 0.5, null, 8, null, null, 42L, null), "support", MANIFEST);
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
    return FakeOpenAi.FILES;
  }

  @Override
  protected String createRoute() {
    return FakeOpenAi.JOBS;
  }

  @Override
  protected String jobRoute() {
    return FakeOpenAi.JOB;
  }

  @Override
  protected String cancelRoute() {
    return FakeOpenAi.CANCEL;
  }

  @Override
  protected String cancelWhat(String jobId) {
    return "POST /fine_tuning/jobs/" + jobId + "/cancel";
  }

  @Override
  protected String statusWhat(String jobId) {
    return "GET /fine_tuning/jobs/" + jobId;
  }

  @Override
  protected void succeed(String jobId) {
    fake.update(jobId, Json.mapper().createObjectNode().put("status", "succeeded")
        .put("fine_tuned_model", "ft:gpt-4o-mini-2024-07-18:acme:support:abc123"));
  }

  @Override
  protected JobState expectedSuccess(String jobId) {
    return new JobState.Succeeded("ft:gpt-4o-mini-2024-07-18:acme:support:abc123", null);
  }

  @Test
  void uploads_the_file_as_documented_multipart_with_purpose_fine_tune() throws IOException {
    JobRecord record = submit();

    LoopbackServer.Request upload = requests("POST", FakeOpenAi.FILES).get(0);
    assertThat(upload.header("Authorization")).isEqualTo("Bearer " + TestContexts.FAKE_KEY);
    assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=ragft-");
    List<Part> parts = upload.parts();
    assertThat(parts).extracting(Part::name).containsExactly("purpose", "file");
    assertThat(parts.get(0).text()).isEqualTo("fine-tune");
    assertThat(parts.get(1).filename())
        .isEqualTo("ragft-" + record.clientKey() + "-training.jsonl");
    assertThat(parts.get(1).headers()).containsEntry("Content-Type", "application/jsonl");
    assertThat(parts.get(1).text()).isEqualTo(TRAINING);
    assertThat(record.remoteTrainingFile().id()).isEqualTo("file-1");
  }

  @Test
  void creates_a_supervised_job_with_the_client_key_in_its_metadata() throws IOException {
    JobRecord record = submit();

    LoopbackServer.Request create = requests("POST", FakeOpenAi.JOBS).get(0);
    assertThat(create.header("Content-Type")).isEqualTo("application/json");
    assertThat(create.header("Authorization")).isEqualTo("Bearer " + TestContexts.FAKE_KEY);
    assertThat(create.json()).isEqualTo(Json.mapper().readTree("""
        {"model": "gpt-4o-mini-2024-07-18", "training_file": "file-1", "suffix": "support",
         "seed": 42, "metadata": {"ragft_client_key": "%s"},
         "method": {"type": "supervised", "supervised": {"hyperparameters":
           {"n_epochs": 3, "batch_size": 8, "learning_rate_multiplier": 0.5}}}}
        """.formatted(record.clientKey())));
    assertThat(record.remoteJobId()).isEqualTo("ftjob-1");
    assertThat(record.state()).isEqualTo(new JobState.Validating());
  }

  @Test
  void creates_a_dpo_job_with_beta_and_a_validation_file() throws IOException {
    Path validation = dir.resolve("valid.jsonl");
    Files.writeString(validation, TRAINING);
    JobSpec spec = new JobSpec("gpt-4.1-mini", TrainingMethod.DPO, training(), validation,
        new Hyperparameters(2, null, null, null, null, null, null, 0.1), null, MANIFEST);

    JobRecord record = submitter().submit(provider(), settings(), spec, null);

    assertThat(requests("POST", FakeOpenAi.FILES)).hasSize(2);
    assertThat(requests("POST", FakeOpenAi.FILES).get(1).parts().get(1).filename())
        .isEqualTo("ragft-" + record.clientKey() + "-validation.jsonl");
    JsonNode body = requests("POST", FakeOpenAi.JOBS).get(0).json();
    assertThat(body.path("validation_file").asText()).isEqualTo("file-2");
    assertThat(body.path("method")).isEqualTo(Json.mapper().readTree(
        "{\"type\": \"dpo\", \"dpo\": {\"hyperparameters\": {\"n_epochs\": 2, \"beta\": 0.1}}}"));
  }

  @Test
  void finds_a_created_job_by_the_documented_metadata_filter() throws IOException {
    JobRecord record = submit();

    var found = provider().findJob(record.request(registry.jobDir(record.clientKey())));

    assertThat(found).isPresent();
    assertThat(found.get().id()).isEqualTo("ftjob-1");
    LoopbackServer.Request list = requests("GET", FakeOpenAi.JOBS).get(0);
    assertThat(list.params()).containsEntry("metadata[ragft_client_key]", record.clientKey());
    assertThat(list.query()).contains("metadata%5Bragft_client_key%5D=" + record.clientKey());
  }

  @Test
  void finds_an_uploaded_file_by_its_name() throws IOException {
    JobRecord record = submit();

    assertThat(provider().findUpload(FilePurpose.TRAINING, record.clientKey(), dir))
        .contains(record.remoteTrainingFile());
    assertThat(provider().findUpload(FilePurpose.VALIDATION, record.clientKey(), dir)).isEmpty();
    assertThat(requests("GET", FakeOpenAi.FILES).get(0).params())
        .containsEntry("purpose", "fine-tune");
  }

  @Test
  void maps_every_documented_status() throws IOException {
    JobRecord record = submit();
    JobHandle job = record.handle(dir);
    Map<String, JobState> expected = Map.of(
        "validating_files", new JobState.Validating(),
        "queued", new JobState.Queued(),
        "running", new JobState.Running(null, null),
        "cancelled", new JobState.Cancelled());
    for (Map.Entry<String, JobState> entry : expected.entrySet()) {
      fake.update("ftjob-1", Json.mapper().createObjectNode().put("status", entry.getKey()));
      assertThat(provider().status(job)).isEqualTo(entry.getValue());
    }
    fake.update("ftjob-1", (ObjectNode) Json.mapper()
        .readTree("{\"status\": \"failed\", \"error\": {\"code\": \"invalid_training_file\","
            + " \"message\": \"line 3 has no assistant message\"}}"));
    assertThat(provider().status(job)).isEqualTo(
        new JobState.Failed("line 3 has no assistant message (invalid_training_file)"));
    fake.update("ftjob-1", Json.mapper().createObjectNode().put("status", "paused"));
    assertThatThrownBy(() -> provider().status(job))
        .hasMessage("openai reported the job status 'paused', which ragft does not know, for"
            + " GET /fine_tuning/jobs/ftjob-1.");
  }

  @Test
  void lists_events_oldest_first_and_checkpoints_by_step() throws IOException {
    JobRecord record = submit();
    fake.events("ftjob-1", (ArrayNode) Json.mapper().readTree("""
        [{"object": "fine_tuning.job.event", "id": "e2", "created_at": 1790000200,
          "level": "info", "message": "Step 2/10: training loss=0.8"},
         {"object": "fine_tuning.job.event", "id": "e1", "created_at": 1790000100,
          "level": "warn", "message": "Files validated"}]"""));
    fake.checkpoints("ftjob-1", (ArrayNode) Json.mapper()
        .readTree("""
        [{"object": "fine_tuning.job.checkpoint", "id": "c2", "created_at": 1790000400,
          "fine_tuned_model_checkpoint": "ft:m:acme::ckpt-step-20", "step_number": 20,
          "metrics": {"train_loss": 0.4, "valid_loss": 0.5}, "fine_tuning_job_id": "ftjob-1"},
         {"object": "fine_tuning.job.checkpoint", "id": "c1", "created_at": 1790000300,
          "fine_tuned_model_checkpoint": "ft:m:acme::ckpt-step-10", "step_number": 10,
          "metrics": {"train_loss": 0.9}, "fine_tuning_job_id": "ftjob-1"}]"""));
    JobHandle job = record.handle(dir);

    assertThat(provider().events(job)).containsExactly(
        new JobEvent(Instant.ofEpochSecond(1790000100), "warn", "Files validated"),
        new JobEvent(Instant.ofEpochSecond(1790000200), "info", "Step 2/10: training loss=0.8"));
    assertThat(provider().checkpoints(job)).containsExactly(
        new Checkpoint(10, "ft:m:acme::ckpt-step-10", Instant.ofEpochSecond(1790000300),
            Map.of("train_loss", 0.9)),
        new Checkpoint(20, "ft:m:acme::ckpt-step-20", Instant.ofEpochSecond(1790000400),
            Map.of("train_loss", 0.4, "valid_loss", 0.5)));
  }

  @Test
  void cancels_with_the_documented_post() throws IOException {
    JobRecord record = submit();

    JobState state = provider().cancel(record.handle(dir));

    assertThat(state).isEqualTo(new JobState.Cancelled());
    assertThat(requests("POST", FakeOpenAi.CANCEL)).hasSize(1);
  }

  @Test
  void warns_before_the_last_day_and_refuses_new_jobs_after_it() throws IOException {
    JobSpec spec = spec(training());
    assertThat(provider().preflight(spec)).containsExactly("OpenAI accepts no new fine-tuning"
        + " jobs after 2027-01-06 (46 days from today); keep a second provider (together,"
        + " fireworks, mistral, command or local) ready for this job.");

    ProviderContext later = new ProviderContext(recorded.context().environment(),
        recorded.context().http(), recorded.context().retry(), recorded.context().sleeper(),
        Clock.fixed(Instant.parse("2027-01-07T00:00:00Z"), ZoneOffset.UTC),
        recorded.context().notices());
    assertThatThrownBy(() -> factory().create(settings(), later).preflight(spec))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("OpenAI accepts no new fine-tuning jobs after 2027-01-06 (today is"
            + " 2027-01-07); submit to together, fireworks, mistral, a command trainer or the"
            + " local trainer instead.");
  }

  @Test
  void refuses_hyperparameters_openai_does_not_take_before_recording_anything()
      throws IOException {
    JobSpec spec = new JobSpec("gpt-4o-mini-2024-07-18", TrainingMethod.SFT, training(), null,
        new Hyperparameters(null, null, 1e-4, null, 16, null, null, null), null, MANIFEST);

    assertThatThrownBy(() -> submitter().submit(provider(), settings(), spec, null))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("provider 'openai' cannot run this job as asked: it does not accept the"
            + " learning rate (--learning-rate) or the LoRA rank (--lora-rank) (it accepts:"
            + " epochs (--epochs), learning-rate multiplier (--lr-multiplier), batch size"
            + " (--batch-size), seed (--seed), DPO beta (--dpo-beta)).");
    assertThat(registry.list()).isEmpty();
    assertThat(server.requests()).isEmpty();
  }
}
