package dev.ragft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ragft eval}: groups the commands that run and resume evaluations. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {"Run failure cases against a matrix of setups (baseline, RAG, fine-tuned,",
        "hybrid, oracle) and score every reply."},
    subcommands = {EvalRunCommand.class, EvalResumeCommand.class})
public final class EvalCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  /** Refuses to run without a subcommand: there is nothing to do at this level. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing subcommand: use 'ragft eval run' or 'ragft eval resume'.");
  }
}
