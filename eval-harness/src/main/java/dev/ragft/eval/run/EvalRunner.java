package dev.ragft.eval.run;

import dev.ragft.common.Progress;
import dev.ragft.common.RagftException;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.config.DefaultSetups;
import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.context.CaseContext;
import dev.ragft.eval.cost.CostAnalysis;
import dev.ragft.eval.cost.CostSummary;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.SetupInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an evaluation: every (case, setup, sample) of the configuration, {@code concurrency} at a
 * time, each model call through the response cache, its provider's gate and the retrier, each
 * finished sample forced to the run journal at once. Run it again on the same folder, or
 * {@link #resume(Path)} it, and it carries on where it stopped: recorded samples are not made
 * again, recorded contexts not retrieved again. At the end it writes {@code result.json} and
 * {@code costs.json} to the run folder and returns them.
 *
 * <pre>{@code
 * EvalConfig config = EvalConfigReader.read(Path.of("eval.yaml"));
 * RunOutcome outcome = new EvalRunner(RunEnvironment.of(ProgressFactory.console()))
 *     .run(config, Path.of("runs/first"));
 * RunResult result = outcome.result();
 * }</pre>
 */
public final class EvalRunner {

  private final RunEnvironment environment;

  /** A runner in {@code environment}. */
  public EvalRunner(RunEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** Runs {@code config} in {@code folder}, with progress as given. */
  public static RunOutcome run(EvalConfig config, Path folder, ProgressFactory progress) {
    return new EvalRunner(RunEnvironment.of(progress)).run(config, folder);
  }

  /** Resumes the run recorded in {@code folder}, with its own configuration. */
  public RunOutcome resume(Path folder) {
    return run(RunFolder.read(folder), folder);
  }

  /**
   * Runs {@code config} in {@code folder}, or carries on the run of the same configuration
   * already there.
   *
   * @throws RagftException when the folder holds another run, or a call fails for good (the
   *     journal then keeps every sample finished before the failure)
   */
  public RunOutcome run(EvalConfig config, Path folder) {
    EvalConfig complete = complete(config);
    String sha256 = RunFolder.prepare(folder, complete);
    try (RunPlan plan = RunPlan.prepare(complete, folder, environment);
        RunJournal journal = RunJournal.open(folder, complete.runId(), sha256)) {
      RunStats stats = execute(complete, plan, journal);
      List<SetupInfo> setups = plan.setups().stream().map(Setup::info).toList();
      RunResult result = RunAssembler.assemble(plan.info(), setups, plan.cases(), journal);
      RunFolder.write(folder.resolve(RunResultJson.RESULT_FILE), RunResultJson.toJson(result));
      Map<String, Double> training = new TreeMap<>();
      for (Setup setup : plan.setups()) {
        Double usd = complete.costs().trainingUsd().get(setup.spec().model());
        if (usd != null) {
          training.put(setup.spec().id(), usd);
        }
      }
      CostSummary costs = CostAnalysis.of(result, training, complete.costs().queries(),
          plan.costNotes());
      RunFolder.write(folder.resolve(CostSummary.FILE), costs.toJson());
      return new RunOutcome(folder, result, costs, stats);
    }
  }

  /**
   * The configuration a run records: the default setups when it lists none, and a run id derived
   * from its content when it has none.
   */
  public static EvalConfig complete(EvalConfig config) {
    EvalConfig complete = config.setups().isEmpty()
        ? config.withSetups(DefaultSetups.of(config)) : config;
    if (complete.runId() == null) {
      complete = complete.withRunId("run-" + RunFolder.identity(complete).substring(0, 12));
    }
    return complete;
  }

  private RunStats execute(EvalConfig config, RunPlan plan, RunJournal journal) {
    int samples = config.samples();
    int planned = plan.cases().size() * plan.setups().size() * samples;
    int recorded = 0;
    List<Runnable> work = new ArrayList<>();
    AtomicInteger sampled = new AtomicInteger();
    AtomicInteger hits = new AtomicInteger();
    long callsBefore = plan.models().modelCalls();
    try (var progress = environment.progress().create("eval", planned, "samples", "samples")) {
      for (FailureCase failureCase : plan.cases()) {
        for (Setup setup : plan.setups()) {
          int missing = 0;
          for (int i = 0; i < samples; i++) {
            if (journal.sample(new SampleKey(failureCase.id(), setup.info().id(), i)).isEmpty()) {
              missing++;
            }
          }
          recorded += samples - missing;
          if (missing > 0) {
            work.add(() -> runPair(plan, journal, failureCase, setup, samples, progress, sampled,
                hits));
          }
        }
      }
      progress.advance(recorded, 0);
      runAll(work, config.concurrency(), journal, planned);
    }
    return new RunStats(planned, recorded, sampled.get(),
        plan.models().modelCalls() - callsBefore, hits.get());
  }

  private void runPair(RunPlan plan, RunJournal journal, FailureCase failureCase, Setup setup,
      int samples, Progress progress, AtomicInteger sampled,
      AtomicInteger hits) {
    String setupId = setup.info().id();
    CaseContext context = journal.context(failureCase.id(), setupId).orElseGet(() -> {
      CaseContext found = setup.context().contextFor(failureCase);
      journal.recordContext(failureCase.id(), setupId, found);
      return found;
    });
    for (int i = 0; i < samples; i++) {
      SampleKey key = new SampleKey(failureCase.id(), setupId, i);
      if (journal.sample(key).isPresent()) {
        continue;
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      Sample sample = plan.maker().make(setup, failureCase, context, i);
      journal.recordSample(key, plan.maker().seed(failureCase, i), sample);
      sampled.incrementAndGet();
      if (sample.usage().cached()) {
        hits.incrementAndGet();
      }
      progress.advance(1);
      environment.listener().sampleRecorded(key, sample);
    }
  }

  private static void runAll(List<Runnable> work, int concurrency, RunJournal journal,
      int planned) {
    if (work.isEmpty()) {
      return;
    }
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(concurrency, work.size()),
        new Named());
    CompletionService<Void> done = new ExecutorCompletionService<>(executor);
    try {
      for (Runnable task : work) {
        done.submit(task, null);
      }
      for (int i = 0; i < work.size(); i++) {
        try {
          done.take().get();
        } catch (ExecutionException e) {
          executor.shutdownNow();
          awaitQuietly(executor);
          Throwable cause = e.getCause();
          String why = cause.getMessage() == null ? cause.getClass().getSimpleName()
              : cause.getMessage();
          throw new RagftException("the run stopped: " + why + " (" + journal.sampleCount()
              + " of " + planned + " samples are in the journal " + journal.file()
              + "; 'ragft eval resume " + journal.file().getParent() + "' carries on)", cause);
        }
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
      throw new RagftException("the run was interrupted; 'ragft eval resume "
          + journal.file().getParent() + "' carries on", e);
    } finally {
      executor.shutdown();
      awaitQuietly(executor);
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Names the run's worker threads {@code ragft-eval-1}, {@code ragft-eval-2}, … */
  private static final class Named implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "ragft-eval-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    }
  }
}
