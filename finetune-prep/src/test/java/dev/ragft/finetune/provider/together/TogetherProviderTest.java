package dev.ragft.finetune.provider.together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.ragft.finetune.testing.FakeTogether;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.MultipartParser.Part;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TogetherProviderTest extends RemoteProviderContract {

  private FakeTogether fake;

  @Override
  protected void install(LoopbackServer server) {
    fake = new FakeTogether(server, TestContexts.FAKE_KEY);
  }

  @Override
  protected String providerName() {
    return "together";
  }

  @Override
  protected String keyEnv() {
    return "TOGETHER_API_KEY";
  }

  @Override
  protected ProviderSettings settings() {
    return factory().defaults("together").withBaseUrl(fake.baseUrl());
  }

  @Override
  protected ProviderFactory factory() {
    return new TogetherProviderFactory();
  }

  @Override
  protected JobSpec spec(Path training) {
    return new JobSpec("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", TrainingMethod.SFT,
        training, null, new Hyperparameters(2, null, 1e-5, 8, 16, 32, 7L, null), "support",
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
    return FakeTogether.UPLOAD;
  }

  @Override
  protected String createRoute() {
    return FakeTogether.JOBS;
  }

  @Override
  protected String jobRoute() {
    return FakeTogether.JOB;
  }

  @Override
  protected String cancelRoute() {
    return FakeTogether.CANCEL;
  }

  @Override
  protected String cancelWhat(String jobId) {
    return "POST /fine-tunes/" + jobId + "/cancel";
  }

  @Override
  protected String statusWhat(String jobId) {
    return "GET /fine-tunes/" + jobId;
  }

  @Override
  protected void succeed(String jobId) {
    fake.update(jobId, Json.mapper().createObjectNode().put("status", "completed")
        .put("model_output_name", "acme/Meta-Llama-3.1-8B-Instruct-Reference-support-1a2b"));
  }

  @Override
  protected JobState expectedSuccess(String jobId) {
    return new JobState.Succeeded("acme/Meta-Llama-3.1-8B-Instruct-Reference-support-1a2b", null);
  }

  @Test
  void uploads_with_the_documented_multipart_fields() throws IOException {
    JobRecord record = submit();

    LoopbackServer.Request upload = requests("POST", FakeTogether.UPLOAD).get(0);
    assertThat(upload.header("Authorization")).isEqualTo("Bearer " + TestContexts.FAKE_KEY);
    List<Part> parts = upload.parts();
    String name = "ragft-" + record.clientKey() + "-training.jsonl";
    assertThat(parts).extracting(Part::name)
        .containsExactly("purpose", "file_name", "file_type", "file");
    assertThat(parts).extracting(Part::text).startsWith("fine-tune", name, "jsonl");
    assertThat(parts.get(3).filename()).isEqualTo(name);
    assertThat(parts.get(3).text()).isEqualTo(TRAINING);
  }

  @Test
  void creates_a_lora_sft_job_with_an_absolute_learning_rate() throws IOException {
    submit();

    assertThat(requests("POST", FakeTogether.JOBS).get(0).json()).isEqualTo(Json.mapper()
        .readTree("""
        {"model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
         "training_file": "file-1-together", "n_epochs": 2, "batch_size": 8,
         "learning_rate": 1.0E-5, "random_seed": 7, "suffix": "support",
         "training_method": {"method": "sft", "train_on_inputs": "auto"},
         "training_type": {"type": "Lora", "lora_r": 16, "lora_alpha": 32}}
        """));
  }

  @Test
  void creates_a_dpo_job_evaluating_the_validation_file_each_epoch() throws IOException {
    Path validation = dir.resolve("valid.jsonl");
    Files.writeString(validation, TRAINING);
    JobSpec spec = new JobSpec("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
        TrainingMethod.DPO, training(), validation,
        new Hyperparameters(3, null, null, null, null, null, null, 0.2), null, MANIFEST);

    submitter().submit(provider(), settings(), spec, null);

    assertThat(requests("POST", FakeTogether.JOBS).get(0).json()).isEqualTo(Json.mapper()
        .readTree("""
        {"model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
         "training_file": "file-1-together", "validation_file": "file-2-together",
         "n_evals": 3, "n_epochs": 3, "training_method": {"method": "dpo", "dpo_beta": 0.2}}
        """));
  }

  @Test
  void needs_lora_rank_and_alpha_together() throws IOException {
    JobSpec spec = new JobSpec("m", TrainingMethod.SFT, training(), null,
        new Hyperparameters(null, null, null, null, 8, null, null, null), null, MANIFEST);

    assertThatThrownBy(() -> provider().preflight(spec))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("provider 'together' needs the LoRA rank (--lora-rank) and the LoRA alpha"
            + " (--lora-alpha) together; give both or neither.");
  }

  @Test
  void maps_statuses_with_progress_and_the_error_events_reason() throws IOException {
    JobRecord record = submit();
    JobHandle job = record.handle(dir);
    String id = record.remoteJobId();

    fake.update(id, Json.mapper().createObjectNode().put("status", "queued"));
    assertThat(provider().status(job)).isEqualTo(new JobState.Queued());
    fake.update(id, Json.mapper().createObjectNode().put("status", "running")
        .put("epochs_completed", 1).put("n_epochs", 4));
    assertThat(provider().status(job)).isEqualTo(new JobState.Running(0.25, null));
    fake.update(id, Json.mapper().createObjectNode().put("status", "uploading"));
    assertThat(provider().status(job))
        .isEqualTo(new JobState.Running(0.25, "uploading the model"));
    fake.update(id, (ObjectNode) Json.mapper().readTree("""
        {"status": "error", "events": [
          {"object": "fine-tune-event", "created_at": "2026-11-21T10:05:00Z", "level": "info",
           "message": "Training started", "type": "training_start"},
          {"object": "fine-tune-event", "created_at": "2026-11-21T10:06:00Z", "level": "error",
           "message": "CUDA out of memory", "type": "job_error"}]}"""));
    assertThat(provider().status(job)).isEqualTo(new JobState.Failed("CUDA out of memory"));
    assertThat(provider().events(job)).containsExactly(
        new JobEvent(Instant.parse("2026-11-21T10:05:00Z"), "info", "Training started"),
        new JobEvent(Instant.parse("2026-11-21T10:06:00Z"), "error", "CUDA out of memory"));
  }

  @Test
  void lists_checkpoints_by_step() throws IOException {
    JobRecord record = submit();
    fake.checkpoints(record.remoteJobId(), (ArrayNode) Json.mapper().readTree("""
        [{"step": 20, "path": "s3://ckpt/20", "created_at": "2026-11-21T11:00:00Z",
          "checkpoint_type": "intermediate"},
         {"step": 10, "path": "s3://ckpt/10", "created_at": "2026-11-21T10:30:00Z",
          "checkpoint_type": "intermediate"}]"""));

    assertThat(provider().checkpoints(record.handle(dir))).containsExactly(
        new Checkpoint(10, "s3://ckpt/10", Instant.parse("2026-11-21T10:30:00Z"), Map.of()),
        new Checkpoint(20, "s3://ckpt/20", Instant.parse("2026-11-21T11:00:00Z"), Map.of()));
  }

  @Test
  void cancelling_reports_the_cancel_request() throws IOException {
    JobRecord record = submit();

    assertThat(provider().cancel(record.handle(dir)))
        .isEqualTo(new JobState.Running(null, "cancel requested"));
  }
}
