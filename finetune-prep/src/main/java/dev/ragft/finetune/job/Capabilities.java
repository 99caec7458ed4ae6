package dev.ragft.finetune.job;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a provider can do: the training methods it offers, the hyperparameters it accepts, whether
 * it takes a validation file, and whether it lists events and checkpoints.
 *
 * @param methods the training methods offered, never empty
 * @param hyperparameters the hyperparameters accepted
 * @param validationFile whether a validation file may be given
 * @param events whether {@link FineTuningProvider#events} lists anything
 * @param checkpoints whether {@link FineTuningProvider#checkpoints} lists anything
 */
public record Capabilities(
    Set<TrainingMethod> methods,
    Set<Hyperparameter> hyperparameters,
    boolean validationFile,
    boolean events,
    boolean checkpoints) {

  /** Validates the components and copies the sets. */
  public Capabilities {
    Objects.requireNonNull(methods, "methods");
    Objects.requireNonNull(hyperparameters, "hyperparameters");
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("a provider must offer at least one training method");
    }
    methods = Set.copyOf(EnumSet.copyOf(methods));
    hyperparameters = hyperparameters.isEmpty()
        ? Set.of() : Set.copyOf(EnumSet.copyOf(hyperparameters));
  }

  /**
   * Checks that a provider with these capabilities can run the job exactly as asked, and throws an
   * {@link UnsupportedFeatureException} naming everything it cannot do otherwise.
   */
  public void check(String provider, JobSpec spec) {
    List<String> problems = new ArrayList<>();
    if (!methods.contains(spec.method())) {
      problems.add("it does not offer " + spec.method().label() + " training");
    }
    List<String> refused = spec.hyperparameters().given().keySet().stream()
        .filter(name -> !hyperparameters.contains(name))
        .map(name -> "the " + name.describe())
        .toList();
    if (!refused.isEmpty()) {
      problems.add("it does not accept " + String.join(" or ", refused));
    }
    if (spec.validationFile() != null && !validationFile) {
      problems.add("it takes no validation file");
    }
    if (!problems.isEmpty()) {
      throw new UnsupportedFeatureException("provider '" + provider + "' cannot run this job as asked: "
          + String.join("; ", problems) + " (it accepts: " + accepted() + ").");
    }
  }

  /** The accepted hyperparameters as a readable list, in a fixed order. */
  public String accepted() {
    if (hyperparameters.isEmpty()) {
      return "no hyperparameters";
    }
    return EnumSet.copyOf(hyperparameters).stream()
        .map(Hyperparameter::describe)
        .collect(Collectors.joining(", "));
  }
}
