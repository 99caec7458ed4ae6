package dev.ragft.eval.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gates a test on a finished ragft run: before the test runs, every clause is checked against the
 * run's metrics (or, with {@link #baseline()}, against the comparison with a reference run), and
 * the test fails listing the violated clauses. On a class, it gates every test of the class; on a
 * method, that test (a method's annotation wins over its class's). A test may take a
 * {@link dev.ragft.eval.gate.GateResult} parameter to inspect the outcome.
 *
 * <pre>{@code
 * @Test
 * @RagftGate(run = "target/ragft/run-v2", baseline = "target/ragft/run-v1",
 *     value = {"hybrid.pass_rate >= 0.8", "flips.pass_to_fail == 0"})
 * void release_gate() {
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RagftGateExtension.class)
public @interface RagftGate {

  /**
   * The run: a run directory (holding {@code result.json}) or a result file, relative to the
   * working directory.
   */
  String run();

  /** A reference run to compare with, which enables the comparison metrics; empty for none. */
  String baseline() default "";

  /** The gate: clauses, each element may itself hold several separated by {@code ;}. */
  String[] value();
}
