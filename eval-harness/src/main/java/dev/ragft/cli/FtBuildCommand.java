package dev.ragft.cli;

import dev.ragft.finetune.build.BuildResult;
import dev.ragft.finetune.build.TrainingSetBuilder;
import dev.ragft.finetune.format.ValidationReport;
import dev.ragft.finetune.leakage.LeakageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ragft ft build}: builds a training set from a YAML configuration. Exit 1 when the
 * leakage guard stops the build or an exported training file breaks its provider's rules.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Build a training set (outputs, manifest, report) from a YAML configuration.")
public final class FtBuildCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "The build configuration (YAML).")
  private Path config;

  @Option(names = "--allow-leakage",
      description = "Build even when training examples overlap evaluation cases (they are still reported).")
  private boolean allowLeakage;

  /** Runs the build and prints its summary. */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    BuildResult result;
    try {
      result = TrainingSetBuilder.build(config,
          new TrainingSetBuilder.Options(Set.of(), allowLeakage));
    } catch (LeakageException e) {
      spec.commandLine().getErr().println("ragft: " + e.getMessage());
      return ExitCodes.GATE_FAILED;
    }
    out.printf("built %d training and %d validation examples in %s%n", result.train(),
        result.validation(), result.outputDir());
    out.println("manifest sha256 " + result.manifest().sha256());
    result.truncationWarnings().forEach(w -> out.println("warning: " + w));
    int unusable = result.report().path("teacher_unparsable").size();
    if (unusable > 0) {
      out.println("warning: " + unusable + " teacher repl" + (unusable == 1 ? "y (or part of"
          + " one) was" : "ies (or parts of them) were") + " not a usable question/answer pair;"
          + " see teacher_unparsable in " + result.outputDir().resolve(TrainingSetBuilder.REPORT));
    }
    result.leakage().forEach(p -> out.println("leakage (allowed): " + p.describe()));
    result.costEstimate().ifPresent(c -> out.printf("estimate: %d billed tokens (%d epochs), %s%n",
        c.billedTokens(), c.epochs(), c.usdRounded().map(u -> "USD " + u.toPlainString()
            + " at prices of " + c.price().asOf()).orElse("no price for " + c.model())));
    for (ValidationReport report : result.validations()) {
      report.violations().forEach(v -> out.println(v));
    }
    return result.trainingFilesValid() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
  }
}
