package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DatasetCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line = Ragft.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @Test
  void json_stats_are_exactly_one_object_with_the_documented_keys() throws Exception {
    assertThat(run("dataset", "stats", "--json")).isEqualTo(ExitCodes.OK);
    String text = out.toString();
    assertThat(text.lines()).hasSize(1);
    JsonNode json = Json.mapper().readTree(text);
    assertThat(json.isObject()).isTrue();
    assertThat(json.get("scenario").asText()).isEqualTo("wrenbolt");
    assertThat(json.get("documents").toString()).isEqualTo("{\"v1\":48,\"v2\":54}");
    assertThat(json.get("cases").asInt()).isEqualTo(149);
    assertThat(json.get("cases_by_category").toString()).isEqualTo(
        "{\"knowledge\":75,\"behaviour\":31,\"hybrid\":31,\"control\":12}");
    assertThat(json.get("training_examples").asInt()).isEqualTo(217);
    assertThat(json.get("preference_pairs").asInt()).isEqualTo(73);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void text_stats_name_every_count() {
    assertThat(run("dataset", "stats", "--scenario", "wrenbolt")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo("""
        scenario: wrenbolt
        documents: v1 48 v2 54
        cases: 149 (knowledge 75, behaviour 31, hybrid 31, control 12)
        cases per version: v1 111 v2 119
        training examples: 217
        preference pairs: 73
        changed facts: 28
        """);
  }

  @Test
  void an_unknown_scenario_is_a_usage_error_in_one_sentence() {
    assertThat(run("dataset", "stats", "--scenario", "acme")).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).containsExactly(
        "ragft: Unknown scenario \"acme\"; the bundled scenarios are: wrenbolt.",
        "Try 'ragft dataset stats --help' for usage.");
  }

  @Test
  void the_group_without_a_subcommand_is_a_usage_error() {
    assertThat(run("dataset")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("ragft: Missing subcommand: use 'ragft dataset stats'.");
  }
}
