package dev.ragft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ragft dataset}: groups the commands about bundled scenarios and datasets. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Inspect the bundled scenarios and datasets.",
    subcommands = {DatasetStatsCommand.class})
public final class DatasetCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  /** Refuses to run without a subcommand: there is nothing to do at this level. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing subcommand: use 'ragft dataset stats'.");
  }
}
