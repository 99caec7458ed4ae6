package dev.ragft.bench;

import dev.ragft.bench.quality.QualityLedger;
import dev.ragft.bench.support.BenchDirs;
import dev.ragft.bench.support.BuiltOnce;
import dev.ragft.common.FileTrees;
import dev.ragft.common.RagftException;
import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.config.EvalConfigReader;
import dev.ragft.eval.demo.Demo;
import dev.ragft.eval.demo.DemoOptions;
import dev.ragft.eval.demo.DemoResult;
import dev.ragft.eval.report.Report;
import dev.ragft.eval.report.ReportOptions;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.run.EvalRunner;
import dev.ragft.eval.run.ProgressFactory;
import dev.ragft.eval.run.RunEnvironment;
import dev.ragft.eval.run.RunOutcome;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.provider.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evaluation harness's own overhead: every default setup of the demo scenario's second
 * corpus version (all of its cases) replayed from the response cache, then the report. Each
 * operation is {@link EvalRunner#run} in {@link CacheMode#REPLAY} into a fresh run folder (the
 * index checked against the corpus, every retrieval context recomputed, every answer read from
 * the cache, scored and journaled, the result and costs written) followed by
 * {@link Report#of} (statistics and diagnosis), so no model generates anything.
 *
 * <p>The trial setup fills the cache once by running {@code ragft demo} for real with the shared
 * stories260K model (every case, replies of at most {@value #MAX_TOKENS} tokens, a LoRA adapter
 * trained for {@value #TRAIN_STEPS} steps so that the finetuned and hybrid setups run too), in a
 * folder under {@link BenchDirs#data()} that later trials and runs reuse (the first fill takes
 * about 20 minutes on two cores, hence the long iteration timeout; a fill cut short carries on
 * where it stopped, as the demo does). Without the shared
 * model ({@value BenchDirs#SHARED}, {@code RAGFT_SHARED} or {@code ../shared}) the setup fails
 * with a message saying so, and JMH skips the benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR_API, Jvm.NATIVE_ACCESS, Jvm.HEAP, Jvm.HEAP_START})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Timeout(time = 90, timeUnit = TimeUnit.MINUTES)
public class HarnessReplayBenchmark {

  /** The longest reply the demo's model makes, in tokens. */
  static final int MAX_TOKENS = 16;
  /** The optimizer steps of the demo's LoRA fine-tuning. */
  static final int TRAIN_STEPS = 2;
  /** The llama.cpp context window, as the demo's default. */
  static final int CONTEXT_SIZE = 4096;
  /** The demo's seed (case order, training, generation). */
  static final long SEED = 42;
  /** The shared model the cache is filled with, under the shared folder. */
  static final String MODEL = "models/stories260K.gguf";
  /** The corpus version whose evaluation is replayed. */
  static final String VERSION = "v2";

  private EvalConfig config;
  private Path runs;
  private Path run;
  private int invocation;

  /** Fills the cache on first use, then replays once, untimed, to check the cache is complete. */
  @Setup(Level.Trial)
  public void prepare() throws IOException {
    Path model = BenchDirs.shared().map(shared -> shared.resolve(MODEL))
        .filter(Files::isRegularFile)
        .orElseThrow(() -> new IllegalStateException("HarnessReplayBenchmark skipped: the shared"
            + " model " + MODEL + " was not found; set -D" + BenchDirs.SHARED + " or RAGFT_SHARED"
            + " to the folder holding it"));
    Path demo = BuiltOnce.folderInPlace(BenchDirs.data().resolve("harness-demo-stories260K-t"
        + MAX_TOKENS + "-s" + TRAIN_STEPS + "-seed" + SEED), dir -> fill(dir, model));
    config = EvalConfigReader.read(demo.resolve("eval-" + VERSION + ".yaml"))
        .withCache(CacheMode.REPLAY);
    runs = Files.createTempDirectory("ragft-bench-replay-");
    RunOutcome check = replay(runs.resolve("check"));
    if (check.stats().modelCalls() != 0 || check.stats().cacheHits() != check.stats().planned()) {
      throw new RagftException("the replay of " + demo + " called a model or missed the cache: "
          + check.stats());
    }
    List<String> setups = check.result().setups().stream().map(SetupInfo::id).toList();
    QualityLedger.record(HarnessReplayBenchmark.class.getSimpleName(), Map.of(), () -> Map.of(
        "cases", check.result().cases().size(), "setups", String.join(" ", setups),
        "samples", check.stats().planned()));
    FileTrees.delete(runs.resolve("check"));
  }

  /** A fresh run folder for the next replay. */
  @Setup(Level.Invocation)
  public void freshFolder() {
    run = runs.resolve("run-" + invocation++);
  }

  /** The replay of every default setup over every case, then its report. */
  @Benchmark
  public Report replay() {
    return Report.of(replay(run).result(), ReportOptions.DEFAULT);
  }

  /** Deletes the replay's run folder. */
  @TearDown(Level.Invocation)
  public void deleteRun() throws IOException {
    FileTrees.delete(run);
  }

  /** Deletes the run folders. */
  @TearDown(Level.Trial)
  public void deleteRuns() throws IOException {
    FileTrees.delete(runs);
  }

  private RunOutcome replay(Path folder) {
    return new EvalRunner(RunEnvironment.of(ProgressFactory.silent())).run(config, folder);
  }

  /** Runs the demo for real into {@code dir}, filling its response cache. */
  private static String fill(Path dir, Path model) {
    DemoOptions options = new DemoOptions(dir, Provider.LLAMACPP, model.toAbsolutePath()
        .toString(), null, null, null, null, DemoOptions.DEFAULT_TRAIN_MINUTES, TRAIN_STEPS,
        MAX_TOKENS, CONTEXT_SIZE, 0, SEED, true);
    System.out.println("HarnessReplayBenchmark: filling the response cache with ragft demo in "
        + dir + " (once; later runs reuse it)");
    long start = System.nanoTime();
    DemoResult result = new Demo(options, new PrintWriter(Writer.nullWriter()),
        ProgressFactory.silent()).run();
    double seconds = (System.nanoTime() - start) / 1e9;
    return "ragft demo with " + model + ": every case, maxTokens " + MAX_TOKENS + ", "
        + TRAIN_STEPS + " training steps, seed " + SEED + "; fine-tuned: " + result.finetuned()
        + "; " + String.format(Locale.ROOT, "%.0f", seconds) + " s\n";
  }
}
