package dev.ragft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ragft ft}: fine-tuning data and jobs. This parent only groups the subcommands; without
 * one it is a usage error that lists them.
 */
@Command(name = "ft", mixinStandardHelpOptions = true,
    description = "Fine-tuning: build, validate, export and cost training data; submit jobs to "
        + "providers and follow them; forget a source.",
    subcommands = {
        FtBuildCommand.class,
        FtValidateCommand.class,
        FtExportCommand.class,
        FtEstimateCommand.class,
        FtForgetCommand.class,
        FtSubmitCommand.class,
        FtStatusCommand.class,
        FtCancelCommand.class,
        FtListCommand.class,
    })
public final class FtCommand implements Runnable {

  @Spec
  CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error that lists them. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "choose a subcommand: "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
