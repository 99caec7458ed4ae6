package dev.ragft.eval.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.ragft.eval.gate.GateResult;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class RagftGateExtensionTest {

  private static final String BEFORE = "target/gate-fixtures/before";
  private static final String AFTER = "target/gate-fixtures/after";

  @BeforeAll
  static void writeRuns() throws Exception {
    write(BEFORE, TestRuns.builder(7, List.of("baseline", "rag", "hybrid"))
        .add("a", "KPP").add("b", "KPP").add("c", "KKP").add("d", "BBB").add("e", "PPP").build());
    write(AFTER, TestRuns.builder(8, List.of("baseline", "rag", "hybrid"))
        .add("a", "KPP").add("b", "KKP").add("c", "KPP").add("d", "BBP").add("e", "PPP").build());
  }

  private static void write(String dir, dev.ragft.eval.result.RunResult run) throws Exception {
    Path path = Files.createDirectories(Path.of(dir));
    Files.writeString(path.resolve(RunResultJson.RESULT_FILE), RunResultJson.toJson(run));
  }

  private static Events run(Class<?> examples) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(examples)).execute()
        .testEvents();
  }

  @Test
  void a_gate_that_holds_lets_the_test_run_and_hands_it_the_result() {
    Events events = run(Examples.class);
    events.assertThatEvents().haveExactly(1, event(test("holds"), finishedSuccessfully()));
    assertThat(Examples.seen).isNotNull();
    assertThat(Examples.seen.clauses()).hasSize(2);
  }

  @Test
  void a_violated_gate_fails_the_test_listing_each_clause() {
    run(Examples.class).assertThatEvents().haveExactly(1, event(test("violated"),
        finishedWithFailure(instanceOf(AssertionError.class), message(
            "ragft gate on run " + AFTER + " (against " + BEFORE + "): gate violated: 1 of 2 clauses\n"
                + "  ok   hybrid.pass_rate >= 0.8: hybrid.pass_rate is 1 (holds)\n"
                + "  FAIL flips.pass_to_fail == 0: flips.pass_to_fail is 1 (violated)"))));
  }

  @Test
  void a_malformed_gate_or_a_missing_run_is_a_configuration_error() {
    Events events = run(Examples.class);
    events.assertThatEvents().haveExactly(1, event(test("malformed"), finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message(m -> m.startsWith("@RagftGate of malformed(): gate column 18: expected a comparison")))));
    events.assertThatEvents().haveExactly(1, event(test("missing"), finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message("@RagftGate of missing(): target/gate-fixtures/none: does not exist"))));
  }

  @Test
  void a_class_annotation_gates_every_test_of_the_class() {
    Events events = run(ClassGated.class);
    events.assertStatistics(s -> s.started(2).failed(2));
  }

  /** Examples run by the test kit only (surefire skips nested classes). */
  static class Examples {
    static GateResult seen;

    @Test
    @RagftGate(run = AFTER, value = {"hybrid.pass_rate >= 0.8", "rag.label.knowledge <= 1"})
    void holds(GateResult result) {
      seen = result;
    }

    @Test
    @RagftGate(run = AFTER, baseline = BEFORE,
        value = "hybrid.pass_rate >= 0.8; flips.pass_to_fail == 0")
    void violated() {
    }

    @Test
    @RagftGate(run = AFTER, value = "hybrid.pass_rate => 0.8")
    void malformed() {
    }

    @Test
    @RagftGate(run = "target/gate-fixtures/none", value = "hybrid.pass_rate >= 0.8")
    void missing() {
    }
  }

  /** Every test of this class is gated by a gate that does not hold. */
  @RagftGate(run = BEFORE, value = "baseline.pass_rate >= 0.9")
  static class ClassGated {
    @Test
    void first() {
    }

    @Test
    void second() {
    }
  }
}
