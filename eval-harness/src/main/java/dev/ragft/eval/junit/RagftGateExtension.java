package dev.ragft.eval.junit;

import dev.ragft.common.RagftException;
import dev.ragft.eval.compare.RunComparison;
import dev.ragft.eval.gate.ComparisonMetrics;
import dev.ragft.eval.gate.Gate;
import dev.ragft.eval.gate.GateOutcome;
import dev.ragft.eval.gate.GateResult;
import dev.ragft.eval.gate.GateSyntaxException;
import dev.ragft.eval.gate.Metrics;
import dev.ragft.eval.gate.RunMetrics;
import dev.ragft.eval.report.Report;
import dev.ragft.eval.report.ReportOptions;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Checks {@link RagftGate} before each test: a violated clause fails the test with an
 * {@link AssertionError} listing every clause; a malformed gate, an unknown metric or an unreadable
 * run is an {@link ExtensionConfigurationException}. Resolves {@link GateResult} parameters.
 */
public final class RagftGateExtension implements BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RagftGateExtension.class);

  /** Checks the gate of the test, or of its class. */
  @Override
  public void beforeEach(ExtensionContext context) {
    RagftGate gate = find(context).orElseThrow(() -> new ExtensionConfigurationException(
        "RagftGateExtension needs @RagftGate on the test method or its class"));
    GateResult result = evaluate(gate, context.getDisplayName());
    context.getStore(NAMESPACE).put(GateResult.class, result);
    if (!result.passed()) {
      throw new AssertionError("ragft gate on run " + gate.run()
          + (gate.baseline().isEmpty() ? "" : " (against " + gate.baseline() + ")") + ": "
          + String.join("\n", GateOutcome.lines(result)));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == GateResult.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(GateResult.class, GateResult.class);
  }

  private static Optional<RagftGate> find(ExtensionContext context) {
    Optional<RagftGate> onMethod = context.getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, RagftGate.class));
    return onMethod.isPresent() ? onMethod : context.getTestClass()
        .flatMap(c -> AnnotationSupport.findAnnotation(c, RagftGate.class));
  }

  private static GateResult evaluate(RagftGate gate, String test) {
    String expression = String.join("; ", gate.value());
    try {
      RunResult run = RunResultJson.read(Path.of(gate.run()));
      ReportOptions options = ReportOptions.DEFAULT;
      RunMetrics own = RunMetrics.of(Report.of(run, options));
      Metrics metrics = own;
      if (!gate.baseline().isEmpty()) {
        RunResult baseline = RunResultJson.read(Path.of(gate.baseline()));
        metrics = new ComparisonMetrics(RunComparison.of(baseline, run, options.stats()), own);
      }
      return Gate.evaluate(expression, metrics);
    } catch (GateSyntaxException e) {
      throw new ExtensionConfigurationException("@RagftGate of " + test + ": " + e.getMessage()
          + "\n" + e.pointer(), e);
    } catch (RagftException | UncheckedIOException e) {
      throw new ExtensionConfigurationException("@RagftGate of " + test + ": " + e.getMessage(), e);
    }
  }
}
