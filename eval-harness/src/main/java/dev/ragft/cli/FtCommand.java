package dev.ragft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ragft ft}: fine-tuning data and jobs. This parent only groups the subcommands; without
 * one it is a usage error.
 */
@Command(
    name = "ft",
    mixinStandardHelpOptions = true,
    description = "Prepare fine-tuning data: build a training set, validate, export, estimate cost, forget a source.",
    subcommands = {
        FtBuildCommand.class,
        FtValidateCommand.class,
        FtExportCommand.class,
        FtEstimateCommand.class,
        FtForgetCommand.class,
    })
public final class FtCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  /** Fails with a usage error: a subcommand is required. */
  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "ft needs a subcommand: build, validate, export, estimate or forget");
  }
}
