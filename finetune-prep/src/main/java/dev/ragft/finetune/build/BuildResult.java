package dev.ragft.finetune.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.finetune.cost.CostEstimate;
import dev.ragft.finetune.format.ValidationReport;
import dev.ragft.finetune.leakage.LeakagePair;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build wrote and found.
 *
 * @param outputDir the output folder
 * @param manifest the manifest
 * @param report the build report tree (also written as {@code build-report.json})
 * @param train the training examples written
 * @param validation the validation examples written
 * @param validations the validation of every exported file, read back from disk
 * @param leakage the leaking pairs (non-empty only when leakage was allowed)
 * @param truncationWarnings examples over the base model's limit
 * @param cost the cost estimate, when a base model is configured
 */
public record BuildResult(Path outputDir, Manifest manifest, ObjectNode report, int train,
    int validation, List<ValidationReport> validations, List<LeakagePair> leakage,
    List<String> truncationWarnings, CostEstimate cost) {

  /** Copies the lists. */
  public BuildResult {
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(manifest, "manifest");
    validations = List.copyOf(validations);
    leakage = List.copyOf(leakage);
    truncationWarnings = List.copyOf(truncationWarnings);
  }

  /** The cost estimate, when there is one. */
  public Optional<CostEstimate> costEstimate() {
    return Optional.ofNullable(cost);
  }

  /** Whether every exported training file passed its format's rules. */
  public boolean trainingFilesValid() {
    return validations.stream().filter(v -> v.source().startsWith("train.")).allMatch(ValidationReport::ok);
  }
}
