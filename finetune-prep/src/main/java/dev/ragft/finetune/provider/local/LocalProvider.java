package dev.ragft.finetune.provider.local;

import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.AtomicFiles;
import dev.ragft.finetune.job.Capabilities;
import dev.ragft.finetune.job.Checkpoint;
import dev.ragft.finetune.job.CreatedJob;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.Hyperparameter;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRequest;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.RemoteFile;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.job.UnsupportedFeatureException;
import dev.ragft.finetune.local.ConversationReader;
import dev.ragft.finetune.local.internal.ModelSpec;
import dev.ragft.model.catalog.CatalogEntry;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.gguf.GgufFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * ragft's in-process CPU LoRA trainer ({@link dev.ragft.finetune.local.LocalTrainer}) as a
 * fine-tuning provider of type {@code local}. The base model is a GGUF file (a path, or the id of
 * a downloaded catalogue model); the training data is chat JSON Lines ({@code {"messages": [...]}},
 * as {@code ragft ft build} writes for {@code openai} or {@code trl}).
 *
 * <p>{@link #createJob} writes the job's plan into its folder and starts training on a thread of
 * this process, returning at once. Everything about the job lives in its folder (see
 * {@link LocalJobFolder}), so any ragft process can follow it: {@link #status} reads the folder,
 * and {@link #follow} also restarts a job that no process is training any more (the one that
 * trained it exited) from its newest checkpoint, reaching the same adapter an uninterrupted run
 * does. {@link #cancel} marks the folder; the trainer stops after its current step, in whichever
 * process it runs. A succeeded job's adapter path is its GGUF LoRA adapter.
 */
public final class LocalProvider implements FineTuningProvider {

  /** The hyperparameters the trainer takes from a job. */
  static final EnumSet<Hyperparameter> ACCEPTED = EnumSet.of(Hyperparameter.EPOCHS,
      Hyperparameter.LEARNING_RATE, Hyperparameter.BATCH_SIZE, Hyperparameter.LORA_RANK,
      Hyperparameter.LORA_ALPHA, Hyperparameter.SEED);

  private static final String DATA = "training.jsonl";

  private final String name;
  private final LocalOptions options;
  private final Clock clock;
  private final Capabilities capabilities = new Capabilities(EnumSet.of(TrainingMethod.SFT),
      ACCEPTED, false, true, true);

  /**
   * Creates the provider.
   *
   * @param name the configured name
   * @param options the provider's options
   * @param clock the time of events and of the time limit
   */
  public LocalProvider(String name, LocalOptions options, Clock clock) {
    this.name = name;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /**
   * Checks the job before anything is recorded: the capabilities, that epochs and the
   * {@code steps} option are not both given, that the base model is a GGUF file of an
   * architecture the trainer builds, and that every line of the training file is a conversation.
   */
  @Override
  public List<String> preflight(JobSpec spec) {
    capabilities.check(name, spec);
    if (spec.hyperparameters().epochs() != null && options.steps() != null) {
      throw new UnsupportedFeatureException("provider '" + name + "' cannot run this job as asked:"
          + " it has the option steps = " + options.steps() + " and the job sets "
          + Hyperparameter.EPOCHS.describe() + "; give one of them.");
    }
    try (GgufFile gguf = GgufFile.open(baseModel(name, spec.baseModel()))) {
      ModelSpec.of(gguf);
    }
    ConversationReader.read(spec.trainingFile(), OnError.FAIL, InputProblems.collecting());
    return List.of("the local trainer runs inside this ragft process; if the process ends before"
        + " the job does, 'ragft ft status JOB --watch' resumes it from its newest checkpoint.");
  }

  @Override
  public RemoteFile upload(Path file, FilePurpose purpose, String clientKey, Path workDir) {
    Path copy = workDir.resolve(DATA);
    AtomicFiles.copy(file, copy);
    return new RemoteFile(copy.toAbsolutePath().toString(), DATA);
  }

  @Override
  public Optional<RemoteFile> findUpload(FilePurpose purpose, String clientKey, Path workDir) {
    Path copy = workDir.resolve(DATA);
    return Files.isRegularFile(copy)
        ? Optional.of(new RemoteFile(copy.toAbsolutePath().toString(), DATA))
        : Optional.empty();
  }

  @Override
  public CreatedJob createJob(JobRequest request) {
    LocalJobFolder folder = new LocalJobFolder(request.workDir());
    Path data = Path.of(request.trainingFile().id());
    int examples = ConversationReader.read(data, OnError.FAIL, InputProblems.collecting()).size();
    LocalJobPlan plan = LocalJobPlan.of(baseModel(name, request.baseModel()), examples,
        request.hyperparameters(), options);
    folder.writePlan(plan);
    RunningTrainings.start(folder, new TrainingRun(folder, data, clock));
    return new CreatedJob(request.clientKey(), state(folder, false));
  }

  @Override
  public Optional<CreatedJob> findJob(JobRequest request) {
    LocalJobFolder folder = new LocalJobFolder(request.workDir());
    return folder.hasPlan()
        ? Optional.of(new CreatedJob(request.clientKey(), state(folder, false)))
        : Optional.empty();
  }

  @Override
  public JobState status(JobHandle job) {
    return state(new LocalJobFolder(job.workDir()), false);
  }

  @Override
  public JobState follow(JobHandle job) {
    return state(new LocalJobFolder(job.workDir()), true);
  }

  @Override
  public List<JobEvent> events(JobHandle job) {
    return new LocalJobFolder(job.workDir()).events();
  }

  @Override
  public List<Checkpoint> checkpoints(JobHandle job) {
    return new LocalJobFolder(job.workDir()).checkpoints();
  }

  @Override
  public JobState cancel(JobHandle job) {
    LocalJobFolder folder = new LocalJobFolder(job.workDir());
    Optional<JobState> ending = folder.ending();
    if (ending.isPresent()) {
      return ending.get();
    }
    folder.markCancelled();
    folder.event(clock.instant(), "info", "cancellation requested");
    return state(folder, false);
  }

  /**
   * Waits until this process no longer trains the job (it has ended, or stopped after a
   * cancellation) and returns its state; returns at once when this process does not train it.
   */
  public JobState awaitIdle(JobHandle job) {
    LocalJobFolder folder = new LocalJobFolder(job.workDir());
    RunningTrainings.runningHere(folder).ifPresent(CompletableFuture::join);
    return state(folder, false);
  }

  private JobState state(LocalJobFolder folder, boolean resume) {
    Optional<JobState> ending = folder.ending();
    if (ending.isPresent()) {
      return ending.get();
    }
    Optional<LocalJobFolder.Progress> progress = folder.progress();
    Double done = progress.map(p -> (double) p.step() / p.totalSteps()).orElse(null);
    if (RunningTrainings.running(folder)) {
      return new JobState.Running(done, progress.map(LocalProvider::describe)
          .orElse("loading the base model"));
    }
    if (resume && folder.hasPlan() && RunningTrainings.start(folder,
        new TrainingRun(folder, folder.file(DATA), clock))) {
      return new JobState.Running(done, progress.map(p -> "resuming after step " + p.step()
          + " of " + p.totalSteps()).orElse("starting again"));
    }
    Optional<JobState> ended = folder.ending();
    if (ended.isPresent()) {
      return ended.get();
    }
    return new JobState.Running(done, "paused " + progress.map(p -> "at step " + p.step()
        + " of " + p.totalSteps()).orElse("before its first step") + ": no ragft process is"
        + " training it; 'ragft ft status " + folder.key() + " --watch' resumes it from its"
        + " newest checkpoint");
  }

  private static String describe(LocalJobFolder.Progress progress) {
    return String.format(Locale.ROOT, "step %d of %d, loss %.4f, %.0f tokens/s", progress.step(),
        progress.totalSteps(), progress.loss(), progress.tokensPerSecond());
  }

  /**
   * The GGUF file a base model names: an existing file, or the id of a catalogue model that has
   * been downloaded.
   */
  static Path baseModel(String provider, String baseModel) {
    Path file = Path.of(baseModel);
    if (Files.isRegularFile(file)) {
      return file.toAbsolutePath().normalize();
    }
    ModelStore store = ModelStore.standard();
    Optional<CatalogEntry> entry = store.catalog().find(baseModel);
    if (entry.isPresent() && Files.isRegularFile(store.fileOf(entry.get()))) {
      return store.fileOf(entry.get());
    }
    throw new RagftException("provider '" + provider + "' fine-tunes a GGUF file, but the base"
        + " model '" + baseModel + "' is " + (entry.isPresent()
            ? "a catalogue model that is not downloaded yet; run 'ragft models pull " + baseModel
                + "' first"
            : "neither a file nor a catalogue id (" + store.catalog().ids() + ")") + ".");
  }
}
