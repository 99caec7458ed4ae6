package dev.ragft.bench;

import dev.ragft.finetune.local.Conversation;
import dev.ragft.finetune.local.LlamaCppTokenizer;
import dev.ragft.finetune.local.LocalTrainer;
import dev.ragft.finetune.local.LocalTrainingConfig;
import dev.ragft.finetune.local.TokenizedExample;
import dev.ragft.finetune.local.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training throughput of the local LoRA trainer on stories260K: one invocation is a fresh run of
 * 10 optimizer steps (load, train, write the adapters) on 32 short conversations; the {@code
 * tokens} counter gives the tokens (prompt and reply, without padding) trained per second. The
 * model is read from {@code -Dragft.shared.dir} (default {@code ../shared}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 20)
public class LocalTrainingBenchmark {

  /** PyTorch threads inside an op. */
  @Param({"1", "2"})
  public int threads;

  /** Sequences per micro-batch. */
  @Param({"8"})
  public int batchSize;

  private Path model;
  private Path output;
  private List<TokenizedExample> examples;

  /** Counts the tokens trained, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Tokens {
    /** Tokens trained so far in this iteration. */
    public long tokens;

    /** Starts each iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
      tokens = 0;
    }
  }

  /** Tokenizes the conversations once with llama.cpp. */
  @Setup
  public void setUp() throws IOException {
    model = Path.of(System.getProperty("ragft.shared.dir", "../shared"), "models",
        "stories260K.gguf");
    output = Files.createTempDirectory("ragft-train-bench");
    String[] subjects = {"Lily", "Tom", "the cat", "a big dog", "the sun", "Mom", "the bird", "Ben"};
    String[] predicates = {"was happy", "ran fast", "saw a bug", "liked to play"};
    List<Conversation> data = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      data.add(Conversation.of("JSON: " + subjects[i % 8] + " " + predicates[i % 4] + ".",
          "{\"ok\": true}"));
    }
    examples = new ArrayList<>();
    try (LlamaCppTokenizer tokenizer = LlamaCppTokenizer.open(model)) {
      for (Conversation conversation : data) {
        examples.add(TokenizedExample.of(
            tokenizer.defaultFormat().render(conversation.messages()), tokenizer));
      }
    }
  }

  /** Ten optimizer steps from scratch. */
  @Benchmark
  public TrainingResult tenSteps(Tokens counter) {
    LocalTrainingConfig config = LocalTrainingConfig.builder(model, output).steps(10)
        .batchSize(batchSize).learningRate(1e-2).checkpointEvery(0).resume(false)
        .threads(threads).build();
    return new LocalTrainer(config).trainTokenized(examples,
        report -> counter.tokens += report.tokens());
  }
}
