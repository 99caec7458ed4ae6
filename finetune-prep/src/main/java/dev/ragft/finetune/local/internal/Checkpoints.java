package dev.ragft.finetune.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.FileTrees;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.finetune.local.LoraTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Training checkpoints under {@code outputDir/checkpoints/step-NNNNNN/}: {@code lora.safetensors}
 * (A and B under their GGUF names), {@code optimizer.safetensors} (AdamW's two moments of each, as
 * {@code name.m} and {@code name.v}) and {@code state.json}. A checkpoint is written into a
 * {@code .part} folder and renamed when complete, so an interrupted save leaves no checkpoint
 * behind; only the two newest are kept. Nothing random needs saving: the data order of an epoch
 * and the dropout masks of a micro-batch are drawn from generators seeded by the run's seed and
 * the epoch or micro-batch number, which {@link State#step()} determines.
 */
public final class Checkpoints {

  private static final String PREFIX = "step-";
  private static final int KEPT = 2;

  private Checkpoints() {
  }

  /**
   * The saved progress of a run.
   *
   * @param step the optimizer steps done
   * @param microBatches the micro-batches consumed (the data position)
   * @param seed the run's seed, from which every generator is derived
   * @param configDigest a digest of the settings that shape the trajectory
   * @param dataDigest a digest of the tokenized training data
   * @param lossHistory the loss of every step done
   */
  public record State(int step, long microBatches, long seed, String configDigest,
      String dataDigest, List<Double> lossHistory) {
    /** Copies the history. */
    public State {
      lossHistory = List.copyOf(lossHistory);
    }
  }

  /** A loaded checkpoint. */
  public record Loaded(Path directory, State state, Map<String, Safetensors.Tensor> lora,
      Map<String, Safetensors.Tensor> optimizer) {
  }

  /** The folder holding the checkpoints of a run. */
  public static Path root(Path outputDir) {
    return outputDir.resolve("checkpoints");
  }

  /** Saves a checkpoint and removes all but the newest {@value #KEPT}; returns its folder. */
  public static Path save(Path outputDir, ModelSpec spec, LoraWeights lora, AdamW optimizer,
      State state) {
    Path root = root(outputDir);
    Path target = root.resolve(String.format("%s%06d", PREFIX, state.step()));
    Path part = root.resolve(target.getFileName() + ".part");
    Map<String, Safetensors.Tensor> weights = new LinkedHashMap<>();
    Map<String, Safetensors.Tensor> moments = new LinkedHashMap<>();
    int index = 0;
    int r = lora.config().rank();
    for (LoraWeights.Slot slot : lora.slots()) {
      LoraTarget t = slot.target();
      String a = AdapterFiles.ggufA(slot);
      String b = AdapterFiles.ggufB(slot);
      weights.put(a, new Safetensors.Tensor(new long[] {r, LoraShapes.inputs(t, spec)}, lora.a(slot)));
      weights.put(b, new Safetensors.Tensor(new long[] {LoraShapes.outputs(t, spec), r}, lora.b(slot)));
      for (String name : List.of(a, b)) {
        long[] shape = optimizer.firstMoments().get(index).getShape().getShape();
        moments.put(name + ".m", new Safetensors.Tensor(shape,
            optimizer.firstMoments().get(index).toFloatArray()));
        moments.put(name + ".v", new Safetensors.Tensor(shape,
            optimizer.secondMoments().get(index).toFloatArray()));
        index++;
      }
    }
    try {
      FileTrees.delete(part);
      Files.createDirectories(part);
      Safetensors.write(part.resolve("lora.safetensors"), weights, Map.of());
      Safetensors.write(part.resolve("optimizer.safetensors"), moments, Map.of());
      Files.writeString(part.resolve("state.json"),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n");
      FileTrees.delete(target);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      List<Path> all = list(root);
      for (int i = 0; i < all.size() - KEPT; i++) {
        FileTrees.delete(all.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /** The newest complete checkpoint of a run, if any. */
  public static Optional<Path> latest(Path outputDir) {
    Path root = root(outputDir);
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try {
      List<Path> all = list(root);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /** Loads a checkpoint folder; a damaged one is an input error naming the file. */
  public static Loaded load(Path directory) {
    Path stateFile = directory.resolve("state.json");
    State state;
    try {
      state = Json.mapper().readValue(Files.readString(stateFile), State.class);
    } catch (JsonProcessingException e) {
      throw new InputException(stateFile.toString(), 0, null, "is not a valid checkpoint state: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InputException(stateFile.toString(), 0, null, "cannot be read: " + e, e);
    }
    return new Loaded(directory, state, Safetensors.read(directory.resolve("lora.safetensors")),
        Safetensors.read(directory.resolve("optimizer.safetensors")));
  }

  private static List<Path> list(Path root) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(PREFIX)
              && !p.getFileName().toString().endsWith(".part"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }
}
