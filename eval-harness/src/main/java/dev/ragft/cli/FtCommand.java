package dev.ragft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ragft ft}: fine-tuning. This branch holds the job subcommands (submit, status, cancel,
 * list); the training-data subcommands (build, validate, export, estimate, forget) join them in the
 * same list.
 */
@Command(name = "ft", mixinStandardHelpOptions = true,
    description = "Fine-tuning: submit jobs to providers and follow them.",
    subcommands = {
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
