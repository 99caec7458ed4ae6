package dev.ragft.cli;

import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobReports;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ragft ft cancel}: asks the provider to stop a job and records what it reports. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Cancel a fine-tuning job (a submission that never reached the provider is"
        + " cancelled in the registry and never resumed).")
public final class FtCancelCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  FtJobOptions options;

  @Parameters(paramLabel = "JOB", description = "The job's key, or a unique prefix of it.")
  String job;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    JobRecord record = options.jobs(spec.commandLine().getErr()).cancel(job);
    out.println(JobReports.line(record));
    out.flush();
    return ExitCodes.OK;
  }
}
