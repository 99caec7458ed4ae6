package dev.ragft.cli;

import dev.ragft.eval.gate.Gate;
import dev.ragft.eval.gate.GateOutcome;
import dev.ragft.eval.gate.GateParser;
import dev.ragft.eval.gate.GateResult;
import dev.ragft.eval.gate.GateSyntaxException;
import dev.ragft.eval.gate.Metrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --gate} and {@code --junit} options shared by the commands that gate a run. */
final class GateOptions {

  @Option(names = "--gate", paramLabel = "CLAUSES",
      description = "Clauses that must hold, separated by ';', e.g. \"hybrid.pass_rate >= 0.8; "
          + "flips.pass_to_fail == 0\" (exit 1 when one does not).")
  String gate;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Write the gate's outcome as JUnit XML (needs --gate).")
  Path junit;

  /** Checks the options and parses the gate, so that a malformed one fails before any work. */
  void validate(CommandSpec spec) {
    if (junit != null && gate == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--junit needs --gate");
    }
    if (gate != null) {
      try {
        GateParser.parse(gate);
      } catch (GateSyntaxException e) {
        throw usage(spec, e);
      }
    }
  }

  /** Evaluates the gate, if any, printing each clause; empty without a gate. */
  Optional<GateResult> check(CommandSpec spec, Metrics metrics) {
    if (gate == null) {
      return Optional.empty();
    }
    GateResult result;
    try {
      result = Gate.evaluate(gate, metrics);
    } catch (GateSyntaxException e) {
      throw usage(spec, e);
    }
    PrintWriter out = spec.commandLine().getOut();
    GateOutcome.lines(result).forEach(out::println);
    return Optional.of(result);
  }

  private static CommandLine.ParameterException usage(CommandSpec spec, GateSyntaxException e) {
    return new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + "\n"
        + e.pointer());
  }
}
