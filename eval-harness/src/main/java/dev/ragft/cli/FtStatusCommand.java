package dev.ragft.cli;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobReports;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.provider.FineTuningJobs;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ragft ft status}: shows a job as recorded after asking its provider once, or follows it
 * to the end with {@code --watch}, picking it up wherever a restart left it.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show a fine-tuning job after asking its provider for the state once. With"
        + " --watch, follow it until it ends (finishing an interrupted submission first); after a"
        + " restart, --watch resumes where it left off.")
public final class FtStatusCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  FtJobOptions options;

  @Parameters(paramLabel = "JOB", description = "The job's key, or a unique prefix of it.")
  String job;

  @Option(names = "--watch", description = "Follow the job until it ends.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How often --watch asks for the state (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--events", description = "Also list the provider's events for the job.")
  boolean events;

  @Option(names = "--checkpoints", description = "Also list the job's checkpoints.")
  boolean checkpoints;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    FineTuningJobs jobs = options.jobs(spec.commandLine().getErr());
    if (watch) {
      return follow(jobs, job, interval, out);
    }
    JobRecord record = jobs.registry().resolve(job);
    if (record.created() || record.state() != null) {
      record = jobs.refresh(record.clientKey());
    }
    JobReports.status(record).forEach(out::println);
    if (!record.created() && record.state() == null) {
      out.println("note: the submission stopped before the provider created the job; run"
          + " 'ragft ft submit --resume " + record.clientKey() + "' to finish it.");
    }
    if (events) {
      out.println("events:");
      JobReports.events(jobs.events(record.clientKey())).forEach(line -> out.println("  "
          + line));
    }
    if (checkpoints) {
      out.println("checkpoints:");
      JobReports.checkpoints(jobs.checkpoints(record.clientKey()))
          .forEach(line -> out.println("  " + line));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Follows a job to its end, printing each change; returns 0 when it succeeded and throws a
   * one-sentence failure otherwise (exit code 3).
   */
  static int follow(FineTuningJobs jobs, String job, Duration interval, PrintWriter out) {
    JobRecord done = jobs.watch(job, interval, record -> {
      out.println(JobReports.line(record));
      out.flush();
    });
    if (done.state() instanceof JobState.Succeeded) {
      return ExitCodes.OK;
    }
    throw new RagftException("job " + done.clientKey() + " ended without a model: "
        + done.state().describe() + ".");
  }
}
