package dev.ragft.finetune.local;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.local.internal.AdamW;
import dev.ragft.finetune.local.internal.AdapterFiles;
import dev.ragft.finetune.local.internal.Batches;
import dev.ragft.finetune.local.internal.Checkpoints;
import dev.ragft.finetune.local.internal.LoraWeights;
import dev.ragft.finetune.local.internal.ModelSpec;
import dev.ragft.finetune.local.internal.Safetensors;
import dev.ragft.finetune.local.internal.TorchRuntime;
import dev.ragft.finetune.local.internal.Transformer;
import dev.ragft.model.gguf.GgufFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains a LoRA adapter for a GGUF Llama-family model on the CPU with PyTorch (through DJL), and
 * writes it as {@code adapter.gguf} (llama.cpp) and {@code peft/} (PEFT safetensors) in the output
 * folder. The loss is the mean cross-entropy over the tokens of assistant replies only. A run is
 * deterministic for a given config, data and thread count; it checkpoints as configured and, when
 * {@link LocalTrainingConfig#resume()} is set, continues from the newest checkpoint to the same
 * result an uninterrupted run reaches. A {@link TrainingListener} may end a run early (a time
 * limit): the run then checkpoints and writes its adapters after that step, and a later run with
 * the same config resumes from there.
 */
public final class LocalTrainer {

  /** The GGUF adapter's file name in the output folder. */
  public static final String GGUF_ADAPTER = "adapter.gguf";

  /** The PEFT adapter's folder name in the output folder. */
  public static final String PEFT_DIRECTORY = "peft";

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final LocalTrainingConfig config;

  /** Creates a trainer for one configuration. */
  public LocalTrainer(LocalTrainingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Trains with the base model's own tokenizer (through llama.cpp) and the format inference uses
   * for it: its chat template, or {@link PlainPromptFormat} when it has none.
   */
  public TrainingResult train(List<Conversation> data, TrainingListener listener) {
    try (LlamaCppTokenizer tokenizer = LlamaCppTokenizer.open(config.baseModel())) {
      return train(data, tokenizer.defaultFormat(), tokenizer, listener);
    }
  }

  /** Trains on conversations rendered with {@code format} and tokenized by {@code tokenizer}. */
  public TrainingResult train(List<Conversation> data, PromptFormat format,
      TrainingTokenizer tokenizer, TrainingListener listener) {
    List<TokenizedExample> examples = new ArrayList<>();
    for (Conversation conversation : data) {
      TokenizedExample example = TokenizedExample.of(format.render(conversation.messages()),
          tokenizer).truncate(config.maxSequenceLength());
      if (example.trainedCount() > 0) {
        examples.add(example);
      }
    }
    if (examples.isEmpty()) {
      throw new RagftException("none of the " + data.size() + " training conversations has an"
          + " assistant token within the first " + config.maxSequenceLength() + " tokens");
    }
    return trainTokenized(examples, listener);
  }

  /** Trains on examples that are already tokenized. */
  public TrainingResult trainTokenized(List<TokenizedExample> examples,
      TrainingListener listener) {
    TorchRuntime.threads(config.threads());
    TorchRuntime.prepareThread();
    try (GgufFile gguf = GgufFile.open(config.baseModel());
        NDManager manager = NDManager.newBaseManager()) {
      ModelSpec spec = ModelSpec.of(gguf);
      for (TokenizedExample example : examples) {
        for (int token : example.tokens()) {
          if (token < 0 || token >= spec.vocab()) {
            throw new InputException(config.baseModel().toString(), 0, null, "has a vocabulary of "
                + spec.vocab() + " tokens, but the training data has token " + token
                + "; was it tokenized for another model?");
          }
        }
      }
      Batches batches = new Batches(examples, config.batchSize(), config.seed());
      try (Transformer model = Transformer.load(gguf, spec, manager)) {
        return run(model, spec, batches, examples, listener, manager);
      }
    }
  }

  private TrainingResult run(Transformer model, ModelSpec spec, Batches batches,
      List<TokenizedExample> examples, TrainingListener listener, NDManager manager) {
    String configDigest = configDigest();
    String dataDigest = Batches.digest(examples);
    Optional<Checkpoints.Loaded> checkpoint = config.resume()
        ? Checkpoints.latest(config.outputDir()).map(Checkpoints::load) : Optional.empty();
    checkpoint.ifPresent(c -> check(c, configDigest, dataDigest));
    List<Double> losses = new ArrayList<>(
        checkpoint.map(c -> c.state().lossHistory()).orElse(List.of()));
    int start = checkpoint.map(c -> c.state().step()).orElse(0);
    try (LoraWeights lora = checkpoint.isPresent()
            ? LoraWeights.of(spec, config.lora(), manager, values(checkpoint.get().lora()))
            : LoraWeights.initialise(spec, config.lora(), config.seed(), manager);
        AdamW optimizer = new AdamW(lora.parameters(), manager, BETA1, BETA2, EPSILON,
            config.weightDecay(), config.maxGradNorm())) {
      checkpoint.ifPresent(c -> restore(optimizer, lora, c.optimizer()));
      long startNanos = System.nanoTime();
      long tokensRun = 0;
      for (int step = start + 1; step <= config.steps(); step++) {
        long firstMicro = (long) (step - 1) * config.gradientAccumulation();
        List<Batches.Batch> micro = new ArrayList<>();
        for (int m = 0; m < config.gradientAccumulation(); m++) {
          micro.add(batches.batch(firstMicro + m));
        }
        int trained = micro.stream().mapToInt(Batches.Batch::trainedTokens).sum();
        double loss = 0;
        long stepTokens = 0;
        try (NDManager scratch = manager.newSubManager()) {
          for (int m = 0; m < micro.size(); m++) {
            TorchRuntime.seed(config.seed() * 1_000_003L + firstMicro + m);
            loss += backward(model, lora, micro.get(m), trained, scratch);
            stepTokens += micro.get(m).tokens();
          }
          optimizer.step(step, config.learningRateAt(step), scratch);
        }
        losses.add(loss);
        tokensRun += stepTokens;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        int doneHere = step - start;
        StepReport report = new StepReport(step, config.steps(), loss, stepTokens,
            tokensRun / seconds, elapsed,
            Duration.ofNanos(elapsed.toNanos() / doneHere * (config.steps() - step)));
        listener.onStep(report);
        boolean stop = step < config.steps() && listener.stopAfter(report);
        if (stop || step == config.steps()
            || (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0)) {
          Path saved = Checkpoints.save(config.outputDir(), spec, lora, optimizer,
              new Checkpoints.State(step, firstMicro + micro.size(), config.seed(), configDigest,
                  dataDigest, losses));
          listener.onCheckpoint(step, saved);
        }
        if (stop) {
          break;
        }
      }
      double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
      Path gguf = config.outputDir().resolve(GGUF_ADAPTER);
      Path peft = config.outputDir().resolve(PEFT_DIRECTORY);
      AdapterFiles.writeGguf(gguf, spec, lora);
      createDirectories(peft);
      AdapterFiles.writePeft(peft, spec, lora, config.baseModel().getFileName().toString());
      return new TrainingResult(gguf, peft, losses, start, examples.size(), tokensRun / seconds);
    }
  }

  private static double backward(Transformer model, LoraWeights lora, Batches.Batch batch,
      int stepTrainedTokens, NDManager scratch) {
    try (NDManager micro = scratch.newSubManager()) {
      NDArray inputs = micro.create(batch.inputs(), batch.shape());
      NDArray targets = micro.create(batch.targets(), batch.shape());
      NDArray mask = micro.create(batch.mask(), batch.shape());
      try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
        NDArray logits = model.logits(inputs, lora, (float) lora.config().dropout());
        NDArray picked = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1);
        // the divisor is an array of this micro-batch, not a number: see Transformer on scalars
        NDArray count = micro.create((float) stepTrainedTokens);
        NDArray loss = picked.mul(mask).sum().neg().div(count);
        collector.backward(loss);
        return loss.getFloat();
      }
    }
  }

  private static LoraWeights.Values values(Map<String, Safetensors.Tensor> tensors) {
    return new LoraWeights.Values() {
      @Override
      public float[] a(LoraWeights.Slot slot) {
        return tensors.get(AdapterFiles.ggufA(slot)).values();
      }

      @Override
      public float[] b(LoraWeights.Slot slot) {
        return tensors.get(AdapterFiles.ggufB(slot)).values();
      }
    };
  }

  private void restore(AdamW optimizer, LoraWeights lora,
      Map<String, Safetensors.Tensor> moments) {
    int index = 0;
    for (LoraWeights.Slot slot : lora.slots()) {
      for (String name : List.of(AdapterFiles.ggufA(slot), AdapterFiles.ggufB(slot))) {
        optimizer.restore(index++, moments.get(name + ".m").values(),
            moments.get(name + ".v").values());
      }
    }
  }

  private void check(Checkpoints.Loaded checkpoint, String configDigest, String dataDigest) {
    Checkpoints.State state = checkpoint.state();
    String where = checkpoint.directory().toString();
    if (!state.configDigest().equals(configDigest)) {
      throw new InputException(where, 0, null, "was written with other training settings or"
          + " another base model; resume with the same settings or use a new output folder");
    }
    if (!state.dataDigest().equals(dataDigest)) {
      throw new InputException(where, 0, null, "was written for other training data; resume"
          + " with the same data or use a new output folder");
    }
    if (state.step() > config.steps()) {
      throw new InputException(where, 0, null, "is at step " + state.step()
          + ", past the " + config.steps() + " steps this run asks for");
    }
  }

  private String configDigest() {
    long size;
    try {
      size = Files.size(config.baseModel());
    } catch (IOException e) {
      throw new InputException(config.baseModel().toString(), 0, null, "cannot be read: " + e, e);
    }
    return Hashes.sha256(String.join("|", config.baseModel().getFileName().toString(),
        Long.toString(size), Integer.toString(config.lora().rank()),
        Double.toString(config.lora().alpha()), Double.toString(config.lora().dropout()),
        config.lora().orderedTargets().toString(), Integer.toString(config.batchSize()),
        Integer.toString(config.gradientAccumulation()), Double.toString(config.learningRate()),
        Integer.toString(config.warmupSteps()), Double.toString(config.weightDecay()),
        Double.toString(config.maxGradNorm()), Integer.toString(config.maxSequenceLength()),
        Long.toString(config.seed())));
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }
}
