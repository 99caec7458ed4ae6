package dev.ragft.cli;

import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.run.EvalRunner;
import dev.ragft.eval.run.ProgressFactory;
import dev.ragft.eval.run.RunEnvironment;
import dev.ragft.eval.run.RunFolder;
import dev.ragft.eval.run.RunOutcome;
import dev.ragft.model.cache.CacheMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ragft eval resume DIR}: carries on the run recorded in {@code DIR} with the
 * configuration it was started with, making only the samples its journal lacks.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = {"Carry on an interrupted run: the samples its journal holds are kept, only",
        "the missing ones are made, and the run result is written when all are done."})
public final class EvalResumeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The run folder (the --out of ragft eval run).")
  Path folder;

  @Option(names = "--cache", paramLabel = "MODE", converter = CacheModeConverter.class,
      description = "Override the run's cache mode: read-write, replay or off.")
  CacheMode cache;

  @Option(names = "--concurrency", paramLabel = "N", description = "Override the concurrency.")
  Integer concurrency;

  @Option(names = "--quiet", description = "Draw no progress lines.")
  boolean quiet;

  @Override
  public Integer call() {
    if (concurrency != null && concurrency < 1) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be >= 1, but is: "
          + concurrency);
    }
    if (!Files.isRegularFile(folder.resolve(RunFolder.RUN_FILE))) {
      throw new ParameterException(spec.commandLine(), folder + " is not a run folder: it has no "
          + RunFolder.RUN_FILE + "; start a run with 'ragft eval run --config FILE --out "
          + folder + "'");
    }
    EvalConfig config = RunFolder.read(folder);
    if (cache != null) {
      config = config.withCache(cache);
    }
    if (concurrency != null) {
      config = config.withConcurrency(concurrency);
    }
    RunOutcome outcome = new EvalRunner(RunEnvironment.of(quiet ? ProgressFactory.silent()
        : ProgressFactory.console())).run(config, folder);
    RunSummary.print(spec.commandLine().getOut(), outcome);
    return ExitCodes.OK;
  }
}
