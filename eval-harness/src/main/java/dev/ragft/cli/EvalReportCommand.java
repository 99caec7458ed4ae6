package dev.ragft.cli;

import dev.ragft.eval.gate.GateResult;
import dev.ragft.eval.gate.JUnitXml;
import dev.ragft.eval.gate.RunMetrics;
import dev.ragft.eval.report.Report;
import dev.ragft.eval.report.ReportOptions;
import dev.ragft.eval.report.ReportWriter;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ragft eval report}: renders the reports of a finished run, and optionally gates it. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Render the JSON, Markdown and HTML reports of a finished run.")
public final class EvalReportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN",
      description = "A run directory (holding result.json) or a result JSON file.")
  private Path run;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",",
      description = "json, md or html; repeat or separate with commas (default: all three).")
  private List<String> formats;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write the reports (default: the run directory, or the result file's).")
  private Path out;

  @Option(names = "--latency",
      description = "Add a latency section; latency differs between runs, so the files do too.")
  private boolean latency;

  @Mixin
  private GateOptions gate;

  /** Writes the reports, prints their paths, and checks the gate if one is given. */
  @Override
  public Integer call() {
    Set<ReportWriter.Format> chosen = EnumSet.noneOf(ReportWriter.Format.class);
    try {
      (formats == null ? List.of("json", "md", "html") : formats)
          .forEach(f -> chosen.add(ReportWriter.Format.parse(f.strip())));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    gate.validate(spec);
    RunResult result = RunResultJson.read(run);
    Path dir = out != null ? out : Files.isDirectory(run) ? run
        : Optional.ofNullable(run.toAbsolutePath().getParent()).orElse(Path.of("."));
    Report report = Report.of(result, ReportOptions.DEFAULT.withLatency(latency));
    PrintWriter printer = spec.commandLine().getOut();
    printer.println(report.diagnosis().recommendation().headline());
    for (Path written : ReportWriter.write(report, dir, chosen)) {
      printer.println("wrote " + written);
    }
    Optional<GateResult> checked = gate.check(spec, RunMetrics.of(report));
    if (checked.isPresent() && gate.junit != null) {
      JUnitXml.write(gate.junit, checked.get(), Optional.empty());
      printer.println("wrote " + gate.junit);
    }
    return checked.map(g -> g.passed() ? ExitCodes.OK : ExitCodes.GATE_FAILED).orElse(ExitCodes.OK);
  }
}
