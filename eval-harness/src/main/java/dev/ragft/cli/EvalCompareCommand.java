package dev.ragft.cli;

import dev.ragft.eval.compare.ComparisonText;
import dev.ragft.eval.compare.RunComparison;
import dev.ragft.eval.gate.ComparisonMetrics;
import dev.ragft.eval.gate.GateResult;
import dev.ragft.eval.gate.JUnitXml;
import dev.ragft.eval.gate.RunMetrics;
import dev.ragft.eval.report.Report;
import dev.ragft.eval.report.ReportOptions;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ragft eval compare}: flips and pass-rate deltas between two runs, optionally gated. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare run B with run A: per-case flips and pass-rate deltas with paired "
        + "intervals; gate the result.")
public final class EvalCompareCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_A",
      description = "The reference run (before): a run directory or result JSON file.")
  private Path before;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "The candidate run (after).")
  private Path after;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON.")
  private Path json;

  @Mixin
  private GateOptions gate;

  /** Prints the comparison, writes the requested files and checks the gate. */
  @Override
  public Integer call() {
    gate.validate(spec);
    RunResult a = RunResultJson.read(before);
    RunResult b = RunResultJson.read(after);
    ReportOptions options = ReportOptions.DEFAULT;
    RunComparison comparison = RunComparison.of(a, b, options.stats());
    PrintWriter out = spec.commandLine().getOut();
    out.print(ComparisonText.render(comparison));
    if (json != null) {
      write(json, json(comparison));
      out.println("wrote " + json);
    }
    Optional<GateResult> checked = gate.check(spec,
        new ComparisonMetrics(comparison, RunMetrics.of(Report.of(b, options))));
    if (checked.isPresent() && gate.junit != null) {
      JUnitXml.write(gate.junit, checked.get(), Optional.of(comparison));
      out.println("wrote " + gate.junit);
    }
    out.flush();
    return checked.map(g -> g.passed() ? ExitCodes.OK : ExitCodes.GATE_FAILED).orElse(ExitCodes.OK);
  }

  private static String json(RunComparison comparison) {
    try {
      return RunResultJson.prettyWriter().writeValueAsString(comparison) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("the comparison could not be written as JSON", e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
