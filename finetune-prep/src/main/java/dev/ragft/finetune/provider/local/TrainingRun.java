package dev.ragft.finetune.provider.local;

import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.finetune.job.CrashPoints;
import dev.ragft.finetune.local.Conversation;
import dev.ragft.finetune.local.ConversationReader;
import dev.ragft.finetune.local.LocalTrainer;
import dev.ragft.finetune.local.StepReport;
import dev.ragft.finetune.local.TrainingListener;
import dev.ragft.finetune.local.TrainingResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * One process's share of a local job: reads the data copy, trains (resuming from the newest
 * checkpoint in the job's output folder), and records progress, events, checkpoints and the ending
 * in the job folder. Cancellation is noticed after each step (the folder's cancellation mark);
 * the time limit is checked after each step against the time every process spent on the job.
 */
final class TrainingRun implements Runnable {

  private final LocalJobFolder folder;
  private final Path trainingFile;
  private final Clock clock;

  TrainingRun(LocalJobFolder folder, Path trainingFile, Clock clock) {
    this.folder = folder;
    this.trainingFile = trainingFile;
    this.clock = clock;
  }

  @Override
  public void run() {
    Instant started = clock.instant();
    double earlier = folder.progress().map(LocalJobFolder.Progress::trainingSeconds).orElse(0.0);
    try {
      LocalJobPlan plan = folder.plan();
      if (folder.cancelRequested()) {
        return;
      }
      folder.event(started, "info", folder.progress().isPresent()
          ? "training resumes from the newest checkpoint (the last run reached step "
              + folder.progress().get().step() + " of " + plan.steps() + ")"
          : "training starts: " + plan.steps() + " steps over " + plan.examples()
              + " conversations");
      List<Conversation> data = ConversationReader.read(trainingFile, OnError.FAIL,
          InputProblems.collecting());
      Listener listener = new Listener(plan, started, earlier);
      TrainingResult result = new LocalTrainer(plan.config(folder.output())).train(data,
          listener);
      String note = result.stepsDone() < plan.steps()
          ? String.format(Locale.ROOT, "the time limit of %s minutes was reached after step %d"
              + " of %d", minutes(plan.maxMinutes()), result.stepsDone(), plan.steps())
          : null;
      double last = result.lossHistory().getLast();
      folder.writeResult(new LocalJobFolder.Result(result.ggufAdapter().toAbsolutePath()
          .toString(), result.peftDirectory().toAbsolutePath().toString(), result.stepsDone(),
          plan.steps(), last, note));
      folder.event(clock.instant(), "info", String.format(Locale.ROOT,
          "training finished after step %d of %d (loss %.4f)%s; adapter %s", result.stepsDone(),
          plan.steps(), last, note == null ? "" : ": " + note, result.ggufAdapter()));
    } catch (CancellationException e) {
      folder.event(clock.instant(), "info", "training stopped: " + e.getMessage());
    } catch (RuntimeException | Error e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      folder.writeFailure(reason);
      folder.event(clock.instant(), "error", "training failed: " + reason);
    }
  }

  private static String minutes(Double value) {
    return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
  }

  /** Records each step and decides whether to go on. */
  private final class Listener implements TrainingListener {

    private final LocalJobPlan plan;
    private final Instant started;
    private final double earlierSeconds;
    private double spentSeconds;

    Listener(LocalJobPlan plan, Instant started, double earlierSeconds) {
      this.plan = plan;
      this.started = started;
      this.earlierSeconds = earlierSeconds;
    }

    @Override
    public void onStep(StepReport report) {
      Instant now = clock.instant();
      spentSeconds = earlierSeconds + Duration.between(started, now).toNanos() / 1e9;
      folder.writeProgress(new LocalJobFolder.Progress(report.step(), report.totalSteps(),
          report.loss(), report.tokensPerSecond(), spentSeconds));
      folder.event(now, "info", String.format(Locale.ROOT, "step %d of %d: loss %.4f, %.0f"
          + " tokens/s", report.step(), report.totalSteps(), report.loss(),
          report.tokensPerSecond()));
      if (folder.cancelRequested()) {
        throw new CancellationException("cancelled after step " + report.step() + " of "
            + report.totalSteps());
      }
    }

    @Override
    public void onCheckpoint(int step, Path directory) {
      double loss = folder.progress().map(LocalJobFolder.Progress::loss).orElse(Double.NaN);
      folder.checkpoint(clock.instant(), step, directory, loss);
      CrashPoints.reach(CrashPoints.LOCAL_CHECKPOINT);
    }

    @Override
    public boolean stopAfter(StepReport report) {
      return plan.maxMinutes() != null && spentSeconds >= plan.maxMinutes() * 60;
    }
  }
}
