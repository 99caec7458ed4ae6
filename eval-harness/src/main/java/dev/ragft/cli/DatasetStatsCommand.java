package dev.ragft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.ScenarioStats;
import dev.ragft.datasets.scenario.Scenarios;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ragft dataset stats [--scenario NAME] [--json]}: what a bundled scenario holds. With
 * {@code --json} it prints exactly one JSON object on standard output (see
 * {@link ScenarioStats#toJson()}).
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {"Show what a bundled scenario holds: documents per corpus version, cases per",
        "category, training examples and preference pairs."})
public final class DatasetStatsCommand implements Callable<Integer> {

  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = Scenarios.DEMO,
      description = "The bundled scenario (default: ${DEFAULT-VALUE}).")
  private String scenario;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  private boolean json;

  @Spec
  private CommandSpec spec;

  /** Prints the statistics; an unknown scenario is a usage error (exit 2). */
  @Override
  public Integer call() {
    Scenario loaded = Scenarios.find(scenario).orElseThrow(() ->
        new CommandLine.ParameterException(spec.commandLine(), "Unknown scenario \"" + scenario
            + "\"; the bundled scenarios are: " + String.join(", ", Scenarios.names()) + "."));
    ScenarioStats stats = loaded.stats();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      try {
        out.println(Json.mapper().writeValueAsString(stats.toJson()));
      } catch (JsonProcessingException e) {
        throw new RagftException("Cannot write the statistics as JSON: " + e.getMessage(), e);
      }
    } else {
      out.print(stats.summary());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
