package dev.ragft.cli;

import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.config.EvalConfigReader;
import dev.ragft.eval.run.EvalRunner;
import dev.ragft.eval.run.ProgressFactory;
import dev.ragft.eval.run.RunEnvironment;
import dev.ragft.eval.run.RunOutcome;
import dev.ragft.model.cache.CacheMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ragft eval run --config FILE --out DIR}: runs an evaluation, journaling every finished
 * sample in {@code DIR}, and writes {@code DIR/result.json} and {@code DIR/costs.json}. Run again
 * with the same folder (or {@code ragft eval resume DIR}) after an interruption to carry on.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run every case of an evaluation configuration against every setup of its",
        "matrix, score each reply, and write the run result to the output folder. The folder",
        "journals each finished sample, so an interrupted run carries on where it stopped."})
public final class EvalRunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "The evaluation configuration (YAML or JSON; see docs/evaluation.md).")
  Path config;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The run folder: journal, result.json, costs.json.")
  Path out;

  @Option(names = "--cache", paramLabel = "MODE", converter = CacheModeConverter.class,
      description = "Override the configuration's cache mode: read-write, replay or off.")
  CacheMode cache;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Override the configuration's concurrency.")
  Integer concurrency;

  @Option(names = "--quiet", description = "Draw no progress lines.")
  boolean quiet;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(config)) {
      throw new ParameterException(spec.commandLine(), "--config " + config
          + " is not a file");
    }
    if (concurrency != null && concurrency < 1) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be >= 1, but is: "
          + concurrency);
    }
    EvalConfig read = EvalConfigReader.read(config);
    if (cache != null) {
      read = read.withCache(cache);
    }
    if (concurrency != null) {
      read = read.withConcurrency(concurrency);
    }
    RunOutcome outcome = new EvalRunner(RunEnvironment.of(quiet ? ProgressFactory.silent()
        : ProgressFactory.console())).run(read, out);
    RunSummary.print(spec.commandLine().getOut(), outcome);
    return ExitCodes.OK;
  }
}
