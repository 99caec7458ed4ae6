package dev.ragft.bench;

import dev.ragft.model.llamacpp.ChatTemplateMode;
import dev.ragft.model.llamacpp.Generation;
import dev.ragft.model.llamacpp.LlamaCppConfig;
import dev.ragft.model.llamacpp.LlamaCppModel;
import dev.ragft.model.llamacpp.Sampling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process generation through the llama.cpp binding, against llama.cpp's own timing of the
 * same runs: each operation generates {@code tokens} tokens greedily from "Once upon a time"; the
 * model's llama.cpp log (which holds llama.cpp's per-request timings) goes to a file, and at the
 * end of the trial the average native prompt and generation times per operation are printed next
 * to JMH's wall time per operation. The difference is the cost of the binding (JNI, one result
 * per token through a queue, the prompt's tokenization for the token count) and of ragft.
 *
 * <p>The model is {@code ragft.bench.model} (a GGUF path), by default
 * {@code ../shared/models/stories260K.gguf}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class LlamaCppGenerationBenchmark {

  private static final Pattern PROMPT = Pattern.compile(
      "prompt eval time =\\s*([0-9.]+) ms /\\s*(\\d+) tokens");
  private static final Pattern EVAL = Pattern.compile(
      "(?m)^\\s+eval time =\\s*([0-9.]+) ms /\\s*(\\d+) tokens");

  @Param({"128"})
  int tokens;

  @Param({"1", "2"})
  int threads;

  private LlamaCppModel model;
  private Sampling sampling;
  private Path log;
  private long operations;
  private long generated;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path file = Path.of(System.getProperty("ragft.bench.model",
        "../shared/models/stories260K.gguf"));
    log = Files.createTempFile("ragft-bench-", ".log");
    model = LlamaCppModel.load(LlamaCppConfig.of(file).withContextSize(512).withThreads(threads)
        .withChatTemplate(ChatTemplateMode.COMPLETION).withNativeLog(log));
    sampling = Sampling.DEFAULTS.toBuilder().maxTokens(tokens).build();
  }

  @Benchmark
  public Generation generate() {
    Generation generation = model.generate("Once upon a time", sampling, text -> { });
    operations++;
    generated += generation.completionTokens();
    return generation;
  }

  @TearDown(Level.Trial)
  public void report() throws IOException {
    model.close();
    String text = Files.readString(log);
    double[] prompt = sum(PROMPT.matcher(text));
    double[] eval = sum(EVAL.matcher(text));
    double requests = Math.max(1, eval[2]);
    System.out.printf(Locale.ROOT, "%nllama.cpp's own timing over %d requests (warmup included):"
            + " prompt %.3f ms, generation %.3f ms for %.1f tokens per request (%.1f tokens/s);"
            + " ragft counted %.1f tokens per operation over %d operations%n",
        (long) requests, prompt[0] / requests, eval[0] / requests, eval[1] / requests,
        eval[1] / (eval[0] / 1000.0), generated / (double) Math.max(1, operations), operations);
    Files.deleteIfExists(log);
  }

  /** Total milliseconds, total tokens and the number of matches. */
  private static double[] sum(Matcher matcher) {
    double[] total = new double[3];
    while (matcher.find()) {
      total[0] += Double.parseDouble(matcher.group(1));
      total[1] += Long.parseLong(matcher.group(2));
      total[2]++;
    }
    return total;
  }
}
