package dev.ragft.cli;

import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobReports;
import dev.ragft.finetune.provider.FineTuningJobs;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ragft ft list}: the recorded jobs as a table, oldest first, as last seen. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the recorded fine-tuning jobs, oldest first, in the state last seen (use"
        + " 'ft status' to ask a provider again).")
public final class FtListCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  FtJobOptions options;

  @Option(names = "--provider", paramLabel = "NAME", description = "Only jobs of this provider.")
  String provider;

  @Option(names = "--manifest-sha256", paramLabel = "HEX",
      description = "Only jobs trained on data from this dataset manifest.")
  String manifestSha256;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    FineTuningJobs jobs = options.jobs(spec.commandLine().getErr());
    List<JobRecord> records = (manifestSha256 == null ? jobs.list()
        : jobs.registry().jobsUsing(manifestSha256)).stream()
        .filter(record -> provider == null || record.provider().name().equals(provider))
        .toList();
    if (records.isEmpty()) {
      out.println("no jobs in " + jobs.registry().root());
    } else {
      JobReports.table(records).forEach(out::println);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
