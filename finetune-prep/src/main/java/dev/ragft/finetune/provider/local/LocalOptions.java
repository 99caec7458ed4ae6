package dev.ragft.finetune.provider.local;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.local.LoraTarget;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of a {@code local} provider beyond the job's hyperparameters, read from its
 * {@code options} (in the fine-tuning configuration, or {@code ragft ft submit --option}). Every
 * component is null when not given; the trainer's defaults then apply
 * ({@link dev.ragft.finetune.local.LocalTrainingConfig.Builder}).
 *
 * @param steps the optimizer steps; not together with the epochs hyperparameter
 * @param maxMinutes a time limit: training ends after the step during which this many minutes
 *     (of every process that trained the job, model loading included) have passed, and the job
 *     succeeds with the adapter trained so far
 * @param loraTargets the adapted projections (default Q, K, V, O)
 * @param loraDropout the dropout on the LoRA input
 * @param gradientAccumulation micro-batches per optimizer step
 * @param warmupSteps the linear warm-up steps
 * @param weightDecay AdamW's decoupled weight decay
 * @param maxSequenceLength the longest sequence in tokens
 * @param checkpointEvery the steps between checkpoints
 * @param threads PyTorch's threads inside an op, 0 for one per processor
 */
public record LocalOptions(Integer steps, Double maxMinutes, Set<LoraTarget> loraTargets,
    Double loraDropout, Integer gradientAccumulation, Integer warmupSteps, Double weightDecay,
    Integer maxSequenceLength, Integer checkpointEvery, Integer threads) {

  /** The option names, sorted. */
  public static final List<String> NAMES = List.copyOf(new TreeSet<>(List.of("steps",
      "maxMinutes", "loraTargets", "loraDropout", "gradientAccumulation", "warmupSteps",
      "weightDecay", "maxSequenceLength", "checkpointEvery", "threads")));

  /** Copies the targets. */
  public LocalOptions {
    loraTargets = loraTargets == null ? null : Set.copyOf(EnumSet.copyOf(loraTargets));
  }

  /**
   * Reads the options of provider {@code provider}; an unknown name or a bad value is an error
   * naming the option, the value and what it must be.
   */
  public static LocalOptions parse(String provider, Map<String, String> options) {
    List<String> unknown = options.keySet().stream().filter(name -> !NAMES.contains(name))
        .sorted().toList();
    if (!unknown.isEmpty()) {
      throw new RagftException("provider '" + provider + "' of type local does not know the"
          + " option" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
          + "; its options are " + String.join(", ", NAMES) + ".");
    }
    Reader read = new Reader(provider, options);
    return new LocalOptions(read.integer("steps", 1), read.real("maxMinutes", false),
        read.targets("loraTargets"), read.fraction("loraDropout"),
        read.integer("gradientAccumulation", 1), read.integer("warmupSteps", 0),
        read.real("weightDecay", true), read.integer("maxSequenceLength", 1),
        read.integer("checkpointEvery", 0), read.integer("threads", 0));
  }

  /** Reads one typed value at a time, naming the option in every error. */
  private record Reader(String provider, Map<String, String> options) {

    Integer integer(String name, int minimum) {
      String text = options.get(name);
      if (text == null) {
        return null;
      }
      try {
        int value = Integer.parseInt(text.strip());
        if (value >= minimum) {
          return value;
        }
      } catch (NumberFormatException e) {
        throw bad(name, text, "a whole number >= " + minimum);
      }
      throw bad(name, text, "a whole number >= " + minimum);
    }

    Double real(String name, boolean zeroAllowed) {
      String text = options.get(name);
      if (text == null) {
        return null;
      }
      String expected = zeroAllowed ? "a number >= 0" : "a number > 0";
      try {
        double value = Double.parseDouble(text.strip());
        if (Double.isFinite(value) && (zeroAllowed ? value >= 0 : value > 0)) {
          return value;
        }
      } catch (NumberFormatException e) {
        throw bad(name, text, expected);
      }
      throw bad(name, text, expected);
    }

    Double fraction(String name) {
      Double value = real(name, true);
      if (value != null && value >= 1) {
        throw bad(name, options.get(name), "a number in [0, 1)");
      }
      return value;
    }

    Set<LoraTarget> targets(String name) {
      String text = options.get(name);
      if (text == null) {
        return null;
      }
      List<LoraTarget> targets = new ArrayList<>();
      for (String part : text.split(",")) {
        String word = part.strip().toUpperCase(Locale.ROOT);
        try {
          targets.add(LoraTarget.valueOf(word));
        } catch (IllegalArgumentException e) {
          throw bad(name, text, "a comma-separated list of q, k, v, o, gate, up, down, output");
        }
      }
      return EnumSet.copyOf(targets);
    }

    private RagftException bad(String name, String value, String expected) {
      return new RagftException("provider '" + provider + "' has the option " + name + " = '"
          + value + "', which must be " + expected + ".");
    }
  }
}
