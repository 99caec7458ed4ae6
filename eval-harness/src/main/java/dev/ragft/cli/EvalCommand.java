package dev.ragft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ragft eval}: groups the commands that run evaluations and read their results. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate setups on failure cases; report, compare and gate finished runs.",
    subcommands = {EvalRunCommand.class, EvalResumeCommand.class, EvalReportCommand.class,
        EvalCompareCommand.class})
public final class EvalCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  /** Refuses to run without a subcommand: there is nothing to do at this level. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing subcommand: choose one of " + String.join(", ", spec.subcommands().keySet()) + ".");
  }
}
