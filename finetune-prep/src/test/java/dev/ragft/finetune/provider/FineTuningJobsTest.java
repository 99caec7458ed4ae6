package dev.ragft.finetune.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.Json;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.JobSubmitter;
import dev.ragft.finetune.job.LocalFile;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.Sleeper;
import dev.ragft.finetune.job.SubmissionStep;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.testing.FakeOpenAi;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations behind the {@code ragft ft} commands, against the loopback OpenAI fake. */
class FineTuningJobsTest {

  @TempDir
  Path dir;
  private LoopbackServer server;
  private FakeOpenAi fake;
  private ProviderSettings settings;
  private Path training;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServer.start();
    fake = new FakeOpenAi(server, TestContexts.FAKE_KEY);
    settings = Providers.standard().factory("openai").defaults("openai")
        .withBaseUrl(fake.baseUrl());
    training = dir.resolve("train.jsonl");
    Files.writeString(training, "{\"messages\": []}\n");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FineTuningJobs jobs(Sleeper sleeper, List<String> notices) {
    ProviderContext context = new ProviderContext(Map.of("OPENAI_API_KEY",
        TestContexts.FAKE_KEY)::get, new HttpSettings(Duration.ofSeconds(5),
        Duration.ofSeconds(10)), TestContexts.noJitter(), sleeper,
        Clock.fixed(TestContexts.NOW, ZoneOffset.UTC), notices::add);
    return new FineTuningJobs(FineTuningConfig.defaults(), Providers.standard(),
        new JobRegistry(dir.resolve("registry")), context);
  }

  private JobSpec spec() {
    return new JobSpec("gpt-4o-mini-2024-07-18", TrainingMethod.SFT, training, null,
        new Hyperparameters(1, null, null, null, null, null, null, null), null, "2".repeat(64));
  }

  @Test
  void watching_after_a_restart_finishes_the_submission_then_follows_it_to_the_end() {
    List<String> notices = new ArrayList<>();
    Sleeper finish = wait -> fake.update("ftjob-1", Json.mapper().createObjectNode()
        .put("status", "succeeded").put("fine_tuned_model", "ft:gpt-4o-mini:acme::done"));
    FineTuningJobs jobs = jobs(finish, notices);
    String key = JobSubmitter.clientKey(settings, spec(), LocalFile.of(training), null);
    jobs.registry().createIfAbsent(JobRecord.recorded(key, settings, spec(),
        LocalFile.of(training), null, TestContexts.NOW));
    List<String> seen = new ArrayList<>();

    JobRecord done = jobs.watch(key.substring(0, 8), Duration.ofSeconds(15),
        record -> seen.add(record.state().describe()));

    assertThat(done.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(done.state()).isEqualTo(new JobState.Succeeded("ft:gpt-4o-mini:acme::done", null));
    assertThat(seen).containsExactly("validating", "succeeded: model ft:gpt-4o-mini:acme::done");
    assertThat(notices).contains("job " + key + " stopped at step RECORDED; finishing its"
        + " submission first.");
    assertThat(fake.uploads()).isEqualTo(1);
    assertThat(fake.creations()).isEqualTo(1);
  }

  @Test
  void following_and_cancelling_need_only_the_registry_and_the_environment() {
    FineTuningJobs jobs = jobs(duration -> { }, new ArrayList<>());
    JobRecord submitted = jobs.submit(settings, spec(), null);

    FineTuningJobs later = jobs(duration -> { }, new ArrayList<>());
    JobRecord refreshed = later.refresh(submitted.clientKey());
    JobRecord cancelled = later.cancel(submitted.clientKey());

    assertThat(refreshed.state()).isEqualTo(new JobState.Validating());
    assertThat(cancelled.state()).isEqualTo(new JobState.Cancelled());
    assertThat(later.list()).containsExactly(cancelled);
    assertThat(later.refresh(submitted.clientKey())).isEqualTo(cancelled);
  }
}
