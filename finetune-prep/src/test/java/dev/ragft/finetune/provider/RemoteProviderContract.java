package dev.ragft.finetune.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.JobSubmitter;
import dev.ragft.finetune.job.JobTracker;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.SubmissionStep;
import dev.ragft.finetune.provider.http.HttpStatusException;
import dev.ragft.finetune.testing.LoopbackServer.Fault;
import dev.ragft.finetune.testing.LoopbackServer.Response;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks every remote provider passes against a real HTTP server on loopback that implements
 * its documented endpoints: one submission makes exactly one upload and one job, and 401, 429 with
 * Retry-After, 500, timeouts, dropped connections, malformed JSON and 400 behave the same way for
 * all of them. Waits are recorded, never slept.
 */
public abstract class RemoteProviderContract {

  /** The training data every contract test submits. */
  protected static final String TRAINING = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
      + "{\"role\":\"assistant\",\"content\":\"hello\"}]}\n";
  /** A manifest hash for the submissions. */
  protected static final String MANIFEST = "a".repeat(64);

  @TempDir
  protected Path dir;
  protected LoopbackServer server;
  protected TestContexts.Recorded recorded;
  protected JobRegistry registry;

  /** Installs the provider's fake API on the server, accepting only the fake key. */
  protected abstract void install(LoopbackServer server);

  /** The provider's type and configured name in these tests. */
  protected abstract String providerName();

  /** The environment variable its key is read from. */
  protected abstract String keyEnv();

  /** The provider's settings, pointing at the fake. */
  protected abstract ProviderSettings settings();

  /** The factory of the provider type. */
  protected abstract ProviderFactory factory();

  /** A job this provider can run, on the given training file. */
  protected abstract JobSpec spec(Path training);

  /** Files stored by the fake. */
  protected abstract int uploads();

  /** Jobs created by the fake. */
  protected abstract int creations();

  /** The route pattern of the upload request that carries the file. */
  protected abstract String uploadRoute();

  /** The route pattern of the job creation request. */
  protected abstract String createRoute();

  /** The route pattern of the job status request. */
  protected abstract String jobRoute();

  /** The route pattern of the cancel request (a POST the JDK client never repeats itself). */
  protected abstract String cancelRoute();

  /** The cancel request as messages name it, e.g. {@code POST /fine_tuning/jobs/ftjob-1/cancel}. */
  protected abstract String cancelWhat(String jobId);

  /** The status request as messages name it, e.g. {@code GET /fine_tuning/jobs/ftjob-1}. */
  protected abstract String statusWhat(String jobId);

  /** Makes the fake report the job as succeeded. */
  protected abstract void succeed(String jobId);

  /** The state the provider must report for a job the fake marked succeeded. */
  protected abstract JobState expectedSuccess(String jobId);

  @BeforeEach
  void startServer() {
    server = LoopbackServer.start();
    install(server);
    recorded = TestContexts.recorded(keyEnv());
    registry = new JobRegistry(dir.resolve("registry"));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** The provider under test, with the recorded context. */
  protected FineTuningProvider provider() {
    return factory().create(settings(), recorded.context());
  }

  /** Writes the training file and returns it. */
  protected Path training() throws IOException {
    Path file = dir.resolve("train.jsonl");
    Files.writeString(file, TRAINING);
    return file;
  }

  /** Submits the contract's job and returns its record. */
  protected JobRecord submit() throws IOException {
    return submitter().submit(provider(), settings(), spec(training()), null);
  }

  /** Submits the contract's job, then forgets the submission's notices and waits. */
  protected JobRecord submitted() throws IOException {
    JobRecord record = submit();
    recorded.notices().clear();
    recorded.sleeper().clear();
    return record;
  }

  /** A submitter over the test registry and recorded context. */
  protected JobSubmitter submitter() {
    return new JobSubmitter(registry, recorded.context().clock(), recorded.context().retry(),
        recorded.context().sleeper(), recorded.context().notices());
  }

  private JobHandle handle(JobRecord record) {
    return record.handle(registry.jobDir(record.clientKey()));
  }

  @Test
  void submits_once_then_follows_the_job_to_success() throws IOException {
    JobRecord record = submit();

    assertThat(record.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(uploads()).isEqualTo(1);
    assertThat(creations()).isEqualTo(1);
    assertThat(record.state().terminal()).isFalse();
    assertThat(registry.load(record.clientKey())).isEqualTo(record);

    succeed(record.remoteJobId());
    JobRecord done = new JobTracker(registry, recorded.context().clock(),
        recorded.context().sleeper()).refresh(record.clientKey(), provider());

    assertThat(done.state()).isEqualTo(expectedSuccess(record.remoteJobId()));
    assertThat(done.history().get(done.history().size() - 1).state())
        .isEqualTo(expectedSuccess(record.remoteJobId()));
    assertThat(recorded.sleeper().waits()).isEmpty();
  }

  @Test
  void submitting_the_same_job_again_finds_it_instead_of_paying_twice() throws IOException {
    JobRecord first = submit();
    JobRecord second = submit();

    assertThat(second.clientKey()).isEqualTo(first.clientKey());
    assertThat(second.remoteJobId()).isEqualTo(first.remoteJobId());
    assertThat(uploads()).isEqualTo(1);
    assertThat(creations()).isEqualTo(1);
  }

  @Test
  void unauthorized_fails_at_once_naming_the_variable_not_the_key() throws IOException {
    JobRecord record = submitted();
    TestContexts.Recorded wrongKey = TestContexts.recorded(
        Map.of(keyEnv(), "sk-not-the-right-key"), TestContexts.noJitter(), Duration.ofSeconds(5));
    FineTuningProvider provider = factory().create(settings(), wrongKey.context());
    int before = server.requests().size();

    assertThatThrownBy(() -> provider.status(handle(record)))
        .isInstanceOf(HttpStatusException.class)
        .hasMessage(providerName() + " rejected the API key from " + keyEnv() + " (HTTP 401 on "
            + statusWhat(record.remoteJobId()) + "); check that the variable holds a valid key.");
    assertThat(server.requests()).hasSize(before + 1);
    assertThat(wrongKey.sleeper().waits()).isEmpty();
  }

  @Test
  void rate_limits_wait_as_long_as_retry_after_asks() throws IOException {
    JobRecord record = submitted();
    Response limited = Response.json(429, "{\"error\":{\"message\":\"slow down\"}}")
        .with("Retry-After", "7");
    server.fail("GET", jobRoute(), new Fault.Answer(limited), new Fault.Answer(limited));

    JobState state = provider().status(handle(record));

    assertThat(state.terminal()).isFalse();
    assertThat(recorded.sleeper().waits()).containsExactly(Duration.ofSeconds(7),
        Duration.ofSeconds(7));
    assertThat(recorded.notices()).containsExactly(
        providerName() + " is rate-limiting " + statusWhat(record.remoteJobId())
            + " (HTTP 429: slow down); retrying in 7.0 s (attempt 2 of 4).",
        providerName() + " is rate-limiting " + statusWhat(record.remoteJobId())
            + " (HTTP 429: slow down); retrying in 7.0 s (attempt 3 of 4).");
  }

  @Test
  void server_errors_back_off_exponentially_then_give_up() throws IOException {
    JobRecord record = submitted();
    Response boom = Response.json(500, "{\"error\":{\"message\":\"boom\"}}");
    server.fail("GET", jobRoute(), new Fault.Answer(boom), new Fault.Answer(boom),
        new Fault.Answer(boom), new Fault.Answer(boom));

    assertThatThrownBy(() -> provider().status(handle(record)))
        .isInstanceOf(RetriableException.class)
        .hasMessage(providerName() + " failed on " + statusWhat(record.remoteJobId())
            + " (HTTP 500: boom); gave up after 4 attempts.");
    assertThat(recorded.sleeper().waits()).containsExactly(Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void timeouts_are_retried() throws IOException {
    JobRecord record = submitted();
    TestContexts.Recorded impatient = TestContexts.recorded(Map.of(keyEnv(),
        TestContexts.FAKE_KEY), TestContexts.noJitter(), Duration.ofSeconds(1));
    server.fail("GET", jobRoute(), new Fault.Hang());

    JobState state = factory().create(settings(), impatient.context()).status(handle(record));

    assertThat(state.terminal()).isFalse();
    assertThat(impatient.sleeper().waits()).containsExactly(Duration.ofSeconds(1));
    assertThat(impatient.notices()).containsExactly(providerName() + " did not answer "
        + statusWhat(record.remoteJobId()) + " within 1.0 s; retrying in 1.0 s (attempt 2 of 4).");
  }

  @Test
  void dropped_connections_are_retried() throws IOException {
    JobRecord record = submitted();
    server.fail("POST", cancelRoute(), new Fault.Drop());

    JobState state = provider().cancel(handle(record));

    assertThat(state).isNotNull();
    assertThat(recorded.sleeper().waits()).containsExactly(Duration.ofSeconds(1));
    assertThat(recorded.notices()).singleElement().asString()
        .startsWith("the connection to " + providerName() + " broke during "
            + cancelWhat(record.remoteJobId()) + " (")
        .endsWith("); retrying in 1.0 s (attempt 2 of 4).");
  }

  @Test
  void malformed_json_is_a_clear_error_and_not_retried() throws IOException {
    JobRecord record = submitted();
    server.fail("GET", jobRoute(), new Fault.Answer(Response.json(200, "{\"status\": ")));
    int before = server.requests().size();

    assertThatThrownBy(() -> provider().status(handle(record)))
        .isExactlyInstanceOf(RagftException.class)
        .hasMessageStartingWith(providerName() + " answered " + statusWhat(record.remoteJobId())
            + " with malformed JSON (HTTP 200): ");
    assertThat(server.requests()).hasSize(before + 1);
    assertThat(recorded.sleeper().waits()).isEmpty();
  }

  @Test
  void bad_requests_fail_at_once_with_the_servers_reason() throws IOException {
    JobRecord record = submitted();
    server.fail("GET", jobRoute(), new Fault.Answer(
        Response.json(400, "{\"error\":{\"message\":\"invalid job id\"}}")));

    assertThatThrownBy(() -> provider().status(handle(record)))
        .isInstanceOf(HttpStatusException.class)
        .hasMessage(providerName() + " rejected " + statusWhat(record.remoteJobId())
            + " (HTTP 400: invalid job id).");
    assertThat(recorded.sleeper().waits()).isEmpty();
  }

  @Test
  void a_create_that_failed_after_taking_effect_is_found_not_repeated() throws IOException {
    server.fail("POST", createRoute(), new Fault.AnswerAfter(
        Response.json(500, "{\"error\":{\"message\":\"upstream timeout\"}}")));

    JobRecord record = submit();

    assertThat(record.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(creations()).isEqualTo(1);
    assertThat(recorded.sleeper().waits()).containsExactly(Duration.ofSeconds(1));
    assertThat(recorded.notices()).contains(providerName()
        + " job creation had taken effect despite the failure; not repeating it.");
  }

  @Test
  void an_upload_that_failed_after_taking_effect_is_found_not_repeated() throws IOException {
    server.fail("POST", uploadRoute(), new Fault.AnswerAfter(
        Response.json(502, "{\"error\":{\"message\":\"bad gateway\"}}")));

    JobRecord record = submit();

    assertThat(record.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(uploads()).isEqualTo(1);
    assertThat(creations()).isEqualTo(1);
    assertThat(recorded.notices()).contains(providerName()
        + " upload of the training file had taken effect despite the failure; not repeating it.");
  }

  @Test
  void a_create_refused_with_429_is_repeated_after_the_requested_wait() throws IOException {
    server.fail("POST", createRoute(), new Fault.Answer(
        Response.json(429, "{\"error\":{\"message\":\"too many jobs\"}}").with("Retry-After", "2")));

    JobRecord record = submit();

    assertThat(record.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(creations()).isEqualTo(1);
    assertThat(recorded.sleeper().waits()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void a_create_that_failed_before_taking_effect_is_repeated_once_looked_up() throws IOException {
    server.fail("POST", createRoute(), new Fault.Answer(
        Response.json(503, "{\"error\":{\"message\":\"overloaded\"}}")));

    JobRecord record = submit();

    assertThat(record.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(creations()).isEqualTo(1);
    assertThat(server.requests("POST", createRoute())).hasSize(2);
    assertThat(recorded.sleeper().waits()).containsExactly(Duration.ofSeconds(1));
  }

  /** The requests the server received, for subclasses' exact-request checks. */
  protected List<LoopbackServer.Request> requests(String method, String route) {
    return server.requests(method, route);
  }
}
