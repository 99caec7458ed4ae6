package dev.ragft.datasets.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ragft.common.Json;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.Expectation;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.chat.ChatExample;
import dev.ragft.datasets.chat.PreferencePair;
import dev.ragft.datasets.chat.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The behaviour data of the demo follows the rules it teaches: reference replies of behaviour and
 * hybrid cases and every training reply are valid JSON for the response schema, use no banned
 * phrase and take the action the policy asks for; every non-preferred reply breaks a rule.
 */
class ScenarioBehaviourTest {

  private static final Pattern CONTEXT_DOC = Pattern.compile("^\\[([a-z0-9-]+)] ", Pattern.MULTILINE);

  private static Scenario scenario;
  private static Schema schema;
  private static List<String> banned;

  @BeforeAll
  static void load() {
    scenario = Scenarios.demo();
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(scenario.responseSchema().toString(), InputFormat.JSON);
    banned = scenario.cases().stream().filter(c -> c.category() == Category.BEHAVIOUR)
        .findFirst().orElseThrow().policy().bannedPhrases();
  }

  /** What is wrong with a support reply under the rules, or empty when it follows them. */
  private static Optional<String> problem(String reply) {
    try {
      Json.mapper().readTree(reply);
    } catch (Exception e) {
      return Optional.of("not JSON");
    }
    List<?> errors = schema.validate(reply, InputFormat.JSON);
    if (!errors.isEmpty()) {
      return Optional.of("schema: " + errors);
    }
    String lower = reply.toLowerCase(Locale.ROOT);
    for (String phrase : banned) {
      if (lower.contains(phrase.toLowerCase(Locale.ROOT))) {
        return Optional.of("banned phrase: " + phrase);
      }
    }
    String answer = json(reply).get("answer").asText();
    if (answer.split("\\s+").length > 80) {
      return Optional.of("answer over 80 words");
    }
    return Optional.empty();
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  @Test
  void behaviour_and_hybrid_references_follow_the_rules_and_take_the_expected_action() {
    int checked = 0;
    for (FailureCase c : scenario.cases()) {
      if (c.category() != Category.BEHAVIOUR && c.category() != Category.HYBRID) {
        continue;
      }
      String reference = c.referenceAnswer().orElseThrow();
      assertThat(problem(reference)).as(c.id()).isEmpty();
      assertThat(reference.split("\\s+").length).as(c.id())
          .isLessThanOrEqualTo(c.format().maxWords().orElseThrow());
      String action = json(reference).get("action").asText();
      assertThat(expected(c.policy().escalation(), action.equals("escalate"))).as(c.id()).isTrue();
      assertThat(expected(c.policy().refusal(), action.equals("refuse"))).as(c.id()).isTrue();
      c.policy().escalationPattern().ifPresent(signal -> assertThat(signal.foundIn(reference))
          .as(c.id()).isEqualTo(action.equals("escalate")));
      c.policy().refusalPattern().ifPresent(signal -> assertThat(signal.foundIn(reference))
          .as(c.id()).isEqualTo(action.equals("refuse")));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(50);
  }

  private static boolean expected(Expectation expectation, boolean shown) {
    return switch (expectation) {
      case REQUIRED -> shown;
      case FORBIDDEN -> !shown;
      case UNCHECKED -> true;
    };
  }

  @Test
  void every_training_reply_follows_the_rules_and_cites_only_its_context() {
    for (ChatExample example : scenario.trainingExamples()) {
      assertThat(example.messages().getFirst().role()).isEqualTo(Role.SYSTEM);
      assertThat(example.messages().getFirst().content()).isEqualTo(scenario.systemPrompt());
      String reply = example.reply().content();
      assertThat(problem(reply)).as(reply).isEmpty();
      List<String> context = new ArrayList<>();
      Matcher matcher = CONTEXT_DOC.matcher(example.lastUserContent());
      while (matcher.find()) {
        context.add(matcher.group(1));
      }
      List<String> sources = new ArrayList<>();
      json(reply).get("sources").forEach(source -> sources.add(source.asText()));
      assertThat(context).as(reply).containsAll(sources);
    }
    assertThat(scenario.trainingExamples()).extracting(example -> json(example.reply().content())
        .get("action").asText()).contains("answer", "escalate", "refuse");
  }

  @Test
  void every_preference_pair_prefers_a_reply_that_follows_the_rules_over_one_that_breaks_one() {
    List<String> broken = new ArrayList<>();
    for (PreferencePair pair : scenario.preferencePairs()) {
      assertThat(problem(pair.preferred().content())).as(pair.preferred().content()).isEmpty();
      String worse = pair.nonPreferred().content();
      Optional<String> problem = problem(worse);
      if (problem.isPresent()) {
        broken.add(problem.get().replaceAll(":.*", ""));
      } else {
        assertThat(json(worse).get("action")).as(worse)
            .isNotEqualTo(json(pair.preferred().content()).get("action"));
        broken.add("wrong action");
      }
    }
    assertThat(broken).contains("not JSON", "schema", "banned phrase", "wrong action");
  }
}
