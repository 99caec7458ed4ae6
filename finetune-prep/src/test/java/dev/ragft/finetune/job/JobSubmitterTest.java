package dev.ragft.finetune.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.finetune.provider.openai.OpenAiProviderFactory;
import dev.ragft.finetune.testing.FakeOpenAi;
import dev.ragft.finetune.testing.LoopbackServer.Fault;
import dev.ragft.finetune.testing.LoopbackServer.Response;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submission and tracking against the loopback OpenAI fake, step by step. */
class JobSubmitterTest {

  private static final String MANIFEST = "d".repeat(64);

  @TempDir
  Path dir;
  private LoopbackServer server;
  private FakeOpenAi fake;
  private TestContexts.Recorded recorded;
  private JobRegistry registry;
  private ProviderSettings settings;
  private Path training;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServer.start();
    fake = new FakeOpenAi(server, TestContexts.FAKE_KEY);
    recorded = TestContexts.recorded("OPENAI_API_KEY");
    registry = new JobRegistry(dir.resolve("registry"));
    settings = new OpenAiProviderFactory().defaults("openai").withBaseUrl(fake.baseUrl());
    training = dir.resolve("train.jsonl");
    Files.writeString(training, "{\"messages\": []}\n");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FineTuningProvider provider() {
    return new OpenAiProviderFactory().create(settings, recorded.context());
  }

  private JobSubmitter submitter() {
    return new JobSubmitter(registry, recorded.context().clock(), recorded.context().retry(),
        recorded.context().sleeper(), recorded.context().notices());
  }

  private JobTracker tracker(Sleeper sleeper) {
    return new JobTracker(registry, recorded.context().clock(), sleeper);
  }

  private JobSpec spec() {
    return new JobSpec("gpt-4o-mini-2024-07-18", TrainingMethod.SFT, training, null,
        new Hyperparameters(3, null, null, null, null, null, null, null), null, MANIFEST);
  }

  private JobRecord recordOnly() {
    String key = JobSubmitter.clientKey(settings, spec(), LocalFile.of(training), null);
    return registry.createIfAbsent(JobRecord.recorded(key, settings, spec(),
        LocalFile.of(training), null, TestContexts.NOW));
  }

  @Test
  void the_client_key_is_derived_from_everything_that_defines_the_job() throws IOException {
    LocalFile file = LocalFile.of(training);
    String key = JobSubmitter.clientKey(settings, spec(), file, null);

    assertThat(key).matches("ft-[0-9a-f]{16}");
    assertThat(JobSubmitter.clientKey(settings, spec(), file, null)).isEqualTo(key);
    JobSpec otherEpochs = new JobSpec(spec().baseModel(), TrainingMethod.SFT, training, null,
        new Hyperparameters(4, null, null, null, null, null, null, null), null, MANIFEST);
    assertThat(JobSubmitter.clientKey(settings, otherEpochs, file, null)).isNotEqualTo(key);
    Files.writeString(training, "{\"messages\": [1]}\n");
    assertThat(JobSubmitter.clientKey(settings, spec(), LocalFile.of(training), null))
        .isNotEqualTo(key);
  }

  @Test
  void the_job_is_recorded_before_anything_is_uploaded() {
    server.fail("POST", FakeOpenAi.FILES, new Fault.Answer(
        Response.json(400, "{\"error\":{\"message\":\"invalid file\"}}")));

    assertThatThrownBy(() -> submitter().submit(provider(), settings, spec(), null))
        .hasMessage("openai rejected POST /files (HTTP 400: invalid file).");

    JobRecord record = registry.list().get(0);
    assertThat(record.step()).isEqualTo(SubmissionStep.RECORDED);
    assertThat(record.trainingFile().sha256()).isEqualTo(LocalFile.of(training).sha256());
    assertThat(record.history()).extracting(HistoryEntry::change).containsExactly("recorded");
  }

  @Test
  void a_resumed_submission_continues_from_the_uploaded_step() {
    JobRecord record = recordOnly();
    RemoteFile uploaded = provider().upload(training, FilePurpose.TRAINING, record.clientKey(),
        dir);
    registry.update(record.clientKey(), r -> r.withUpload(FilePurpose.TRAINING, uploaded,
        TestContexts.NOW));

    JobRecord done = submitter().resume(record.clientKey(), provider());

    assertThat(done.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(fake.uploads()).isEqualTo(1);
    assertThat(fake.creations()).isEqualTo(1);
    assertThat(done.history()).extracting(HistoryEntry::change).containsExactly("recorded",
        "uploaded training file file-1", "create sent", "created job ftjob-1", "validating");
  }

  @Test
  void a_resumed_submission_that_may_have_sent_its_create_looks_before_creating() {
    JobRecord record = recordOnly();
    RemoteFile uploaded = provider().upload(training, FilePurpose.TRAINING, record.clientKey(),
        dir);
    JobRecord sent = registry.update(record.clientKey(), r -> r
        .withUpload(FilePurpose.TRAINING, uploaded, TestContexts.NOW)
        .withCreateSent(TestContexts.NOW));
    provider().createJob(sent.request(registry.jobDir(record.clientKey())));

    JobRecord done = submitter().resume(record.clientKey(), provider());

    assertThat(done.remoteJobId()).isEqualTo("ftjob-1");
    assertThat(fake.creations()).isEqualTo(1);
    assertThat(recorded.notices()).containsExactly(
        "openai job creation had already taken effect; not repeating it.");
  }

  @Test
  void a_changed_training_file_is_refused_rather_than_uploaded() throws IOException {
    JobRecord record = recordOnly();
    String recordedSha = record.trainingFile().sha256();
    Files.writeString(training, "{\"messages\": [\"changed\"]}\n");

    assertThatThrownBy(() -> submitter().resume(record.clientKey(), provider()))
        .isInstanceOf(RagftException.class)
        .hasMessage("the training file " + training.toAbsolutePath() + " changed since job "
            + record.clientKey() + " was recorded (sha256 " + recordedSha + ", now "
            + LocalFile.of(training).sha256() + "); restore it or submit a new job.");
    assertThat(fake.uploads()).isZero();
  }

  @Test
  void an_explicit_key_of_another_job_is_refused() throws IOException {
    submitter().submit(provider(), settings, spec(), "ft-mine");
    JobSpec other = new JobSpec("gpt-4.1-mini", TrainingMethod.SFT, training, null,
        Hyperparameters.defaults(), null, MANIFEST);

    assertThatThrownBy(() -> submitter().submit(provider(), settings, other, "ft-mine"))
        .hasMessage("the client key ft-mine already belongs to a different job in the registry;"
            + " choose another key.");
    assertThat(fake.creations()).isEqualTo(1);
  }

  @Test
  void an_explicit_key_submits_the_same_job_again() {
    JobRecord first = submitter().submit(provider(), settings, spec(), null);
    JobRecord second = submitter().submit(provider(), settings, spec(), "ft-rerun-2");

    assertThat(second.clientKey()).isEqualTo("ft-rerun-2");
    assertThat(second.remoteJobId()).isNotEqualTo(first.remoteJobId());
    assertThat(fake.creations()).isEqualTo(2);
  }

  @Test
  void an_unknown_outcome_that_never_resolves_stops_after_the_attempts_at_create_sent() {
    Response down = Response.json(503, "{\"error\":{\"message\":\"down\"}}");
    server.fail("POST", FakeOpenAi.JOBS, new Fault.Answer(down), new Fault.Answer(down),
        new Fault.Answer(down), new Fault.Answer(down));

    assertThatThrownBy(() -> submitter().submit(provider(), settings, spec(), null))
        .isInstanceOf(RetriableException.class)
        .hasMessage("openai job creation did not succeed in 4 attempts (last failure: openai"
            + " failed on POST /fine_tuning/jobs (HTTP 503: down); not repeated at once because"
            + " it may have taken effect); submitting again later continues from the last"
            + " recorded step.");
    JobRecord record = registry.list().get(0);
    assertThat(record.step()).isEqualTo(SubmissionStep.CREATE_SENT);
    assertThat(recorded.sleeper().waits()).containsExactly(Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(requests("GET", FakeOpenAi.JOBS)).hasSize(3);

    JobRecord resumed = submitter().resume(record.clientKey(), provider());
    assertThat(resumed.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(fake.creations()).isEqualTo(1);
  }

  @Test
  void an_unknown_outcome_that_cannot_be_checked_stops_saying_how_to_continue() {
    Response down = Response.json(503, "{\"error\":{\"message\":\"down\"}}");
    server.fail("POST", FakeOpenAi.FILES, new Fault.Answer(down));
    server.fail("GET", FakeOpenAi.FILES, new Fault.Answer(down), new Fault.Answer(down),
        new Fault.Answer(down), new Fault.Answer(down));

    assertThatThrownBy(() -> submitter().submit(provider(), settings, spec(), null))
        .isInstanceOf(RetriableException.class)
        .hasMessage("openai upload of the training file failed, and whether it took effect"
            + " cannot be checked now (openai failed on GET"
            + " /files?purpose=fine-tune&order=desc&limit=10000 (HTTP 503: down); gave up after 4"
            + " attempts); submitting again later continues from the last recorded step.");
    assertThat(registry.list().get(0).step()).isEqualTo(SubmissionStep.RECORDED);

    JobRecord done = submitter().submit(provider(), settings, spec(), null);
    assertThat(done.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(fake.uploads()).isEqualTo(1);
    assertThat(fake.creations()).isEqualTo(1);
  }

  @Test
  void watching_records_every_change_until_the_job_ends() {
    JobRecord record = submitter().submit(provider(), settings, spec(), null);
    List<String> statuses = new ArrayList<>(List.of("queued", "running", "running",
        "succeeded"));
    List<Duration> waits = new ArrayList<>();
    Sleeper advance = wait -> {
      waits.add(wait);
      var fields = Json.mapper().createObjectNode().put("status", statuses.remove(0));
      fields.put("fine_tuned_model", "ft:gpt-4o-mini-2024-07-18:acme::w1");
      fake.update("ftjob-1", fields);
    };
    List<String> seen = new ArrayList<>();

    JobRecord done = tracker(advance).watch(record.clientKey(), provider(),
        Duration.ofSeconds(30), r -> seen.add(r.state().describe()));

    assertThat(done.state()).isEqualTo(
        new JobState.Succeeded("ft:gpt-4o-mini-2024-07-18:acme::w1", null));
    assertThat(seen).containsExactly("validating", "queued", "running",
        "succeeded: model ft:gpt-4o-mini-2024-07-18:acme::w1");
    assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertThat(registry.load(record.clientKey()).history())
        .filteredOn(entry -> entry.state() != null)
        .extracting(HistoryEntry::change)
        .containsExactly("validating", "queued", "running",
            "succeeded: model ft:gpt-4o-mini-2024-07-18:acme::w1");
  }

  @Test
  void a_finished_job_is_not_asked_about_again() {
    JobRecord record = submitter().submit(provider(), settings, spec(), null);
    fake.update("ftjob-1", Json.mapper().createObjectNode().put("status", "cancelled"));
    tracker(recorded.sleeper()).refresh(record.clientKey(), provider());
    int before = server.requests().size();

    JobRecord again = tracker(recorded.sleeper()).refresh(record.clientKey(), provider());

    assertThat(again.state()).isEqualTo(new JobState.Cancelled());
    assertThat(server.requests()).hasSize(before);
    assertThatThrownBy(() -> tracker(recorded.sleeper()).cancel(record.clientKey(), provider()))
        .hasMessage("job " + record.clientKey() + " has already ended (cancelled); there is"
            + " nothing to cancel.");
  }

  @Test
  void cancelling_an_unsent_submission_cancels_it_locally_for_good() {
    JobRecord record = recordOnly();

    JobRecord cancelled = tracker(recorded.sleeper()).cancel(record.clientKey(), provider());
    JobRecord resumed = submitter().resume(record.clientKey(), provider());

    assertThat(cancelled.state()).isEqualTo(new JobState.Cancelled());
    assertThat(resumed).isEqualTo(cancelled);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void cancelling_after_create_sent_finds_and_cancels_the_remote_job() {
    JobRecord record = recordOnly();
    RemoteFile uploaded = provider().upload(training, FilePurpose.TRAINING, record.clientKey(),
        dir);
    JobRecord sent = registry.update(record.clientKey(), r -> r
        .withUpload(FilePurpose.TRAINING, uploaded, TestContexts.NOW)
        .withCreateSent(TestContexts.NOW));
    provider().createJob(sent.request(registry.jobDir(record.clientKey())));

    JobRecord cancelled = tracker(recorded.sleeper()).cancel(record.clientKey(), provider());

    assertThat(cancelled.remoteJobId()).isEqualTo("ftjob-1");
    assertThat(cancelled.state()).isEqualTo(new JobState.Cancelled());
    assertThat(requests("POST", FakeOpenAi.CANCEL)).hasSize(1);
  }

  @Test
  void following_a_job_that_never_reached_the_provider_says_how_to_finish_it() {
    JobRecord record = recordOnly();

    assertThatThrownBy(() -> tracker(recorded.sleeper()).refresh(record.clientKey(), provider()))
        .hasMessage("job " + record.clientKey() + " is not at the provider yet: its submission"
            + " stopped at step RECORDED; run 'ragft ft submit --resume " + record.clientKey()
            + "' or 'ragft ft status --watch " + record.clientKey() + "' to finish it.");
  }

  private List<LoopbackServer.Request> requests(String method, String route) {
    return server.requests(method, route);
  }
}
