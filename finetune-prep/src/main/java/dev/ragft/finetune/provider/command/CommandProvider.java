package dev.ragft.finetune.provider.command;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.AtomicFiles;
import dev.ragft.finetune.job.Capabilities;
import dev.ragft.finetune.job.CreatedJob;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.Hyperparameter;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRequest;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.RemoteFile;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.job.UnsupportedFeatureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An external trainer (TRL, Axolotl, Unsloth, a script of your own) started as a child process from
 * a configured {@link CommandTemplate}. The data files are copied into the job's folder, the
 * trainer runs there with its standard output and error appended to {@value #LOG}, and a small
 * POSIX-shell wrapper records the trainer's process id and, when it ends, its exit code in the
 * job's folder, so the job can be followed from any later {@code ragft} process. Exit code 0 with
 * an adapter at the configured path is success; anything else is failure with the exit code and
 * the last log line.
 *
 * <p>Capabilities follow the template: a hyperparameter is accepted exactly when the template has
 * its placeholder (so the trainer really receives it), DPO needs a {@code {method}} placeholder,
 * and a validation file a {@code {validation}} placeholder. Conversely a placeholder the job gives
 * no value for is an error before anything starts.
 *
 * <p>The trainer keeps running when {@code ragft} exits; cancelling stops it and every process it
 * started. Needs {@code /bin/sh}.
 */
public final class CommandProvider implements FineTuningProvider {

  /** The trainer's combined standard output and error, in the job folder. */
  public static final String LOG = "trainer.log";
  /** The folder the trainer writes to, in the job folder. */
  public static final String OUTPUT = "output";

  static final String PID = "trainer.pid";
  static final String EXIT = "trainer.exit";
  static final String STARTED = "trainer.started";
  static final String CANCELLED = "trainer.cancelled";
  static final String COMMAND = "trainer.command";
  static final Path SHELL = Path.of("/bin/sh");

  private static final String WRAPPER = String.join("\n",
      "printf '%s\\n' \"$$\" > \"$RAGFT_JOB_DIR/" + PID + ".tmp\" && mv -f \"$RAGFT_JOB_DIR/" + PID
          + ".tmp\" \"$RAGFT_JOB_DIR/" + PID + "\"",
      "\"$@\"",
      "code=$?",
      "printf '%s\\n' \"$code\" > \"$RAGFT_JOB_DIR/" + EXIT + ".tmp\" && mv -f \"$RAGFT_JOB_DIR/"
          + EXIT + ".tmp\" \"$RAGFT_JOB_DIR/" + EXIT + "\"",
      "exit \"$code\"");
  private static final int LOG_TAIL_BYTES = 8192;
  private static final int LINE_LIMIT = 200;

  private final String name;
  private final CommandTemplate command;
  private final String adapterPath;
  private final Capabilities capabilities;

  /**
   * Creates the provider.
   *
   * @param name the configured name
   * @param command the trainer's command template
   * @param adapterPath where the trainer leaves its adapter; may use {@code {output_dir}},
   *     {@code {job_dir}} and {@code {client_key}}
   */
  public CommandProvider(String name, CommandTemplate command, String adapterPath) {
    this.name = name;
    this.command = command;
    this.adapterPath = adapterPath;
    EnumSet<TrainingMethod> methods = EnumSet.of(TrainingMethod.SFT);
    if (command.uses(CommandTemplate.METHOD)) {
      methods.add(TrainingMethod.DPO);
    }
    EnumSet<Hyperparameter> accepted = EnumSet.noneOf(Hyperparameter.class);
    for (Hyperparameter parameter : Hyperparameter.values()) {
      if (command.uses(parameter.placeholder())) {
        accepted.add(parameter);
      }
    }
    this.capabilities = new Capabilities(methods, accepted,
        command.uses(CommandTemplate.VALIDATION), false, false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public List<String> preflight(JobSpec spec) {
    capabilities.check(name, spec);
    List<String> missing = new ArrayList<>();
    Map<Hyperparameter, Number> given = spec.hyperparameters().given();
    for (Hyperparameter parameter : Hyperparameter.values()) {
      if (command.uses(parameter.placeholder()) && !given.containsKey(parameter)) {
        missing.add("{" + parameter.placeholder() + "} but the job sets no "
            + parameter.describe());
      }
    }
    if (command.uses(CommandTemplate.VALIDATION) && spec.validationFile() == null) {
      missing.add("{" + CommandTemplate.VALIDATION + "} but the job has no validation file");
    }
    if (command.uses(CommandTemplate.SUFFIX) && spec.suffix() == null) {
      missing.add("{" + CommandTemplate.SUFFIX + "} but the job has no suffix");
    }
    if (!missing.isEmpty()) {
      throw new UnsupportedFeatureException("provider '" + name + "' cannot start this job: its"
          + " command uses " + String.join("; and ", missing) + ".");
    }
    if (!Files.isExecutable(SHELL)) {
      throw new UnsupportedFeatureException("provider '" + name + "' needs a POSIX shell at "
          + SHELL + ", which this system does not have.");
    }
    return List.of();
  }

  @Override
  public RemoteFile upload(Path file, FilePurpose purpose, String clientKey, Path workDir) {
    Path copy = workDir.resolve(fileName(purpose));
    AtomicFiles.copy(file, copy);
    return new RemoteFile(copy.toAbsolutePath().toString(), copy.getFileName().toString());
  }

  @Override
  public Optional<RemoteFile> findUpload(FilePurpose purpose, String clientKey, Path workDir) {
    Path copy = workDir.resolve(fileName(purpose));
    return Files.isRegularFile(copy)
        ? Optional.of(new RemoteFile(copy.toAbsolutePath().toString(),
            copy.getFileName().toString()))
        : Optional.empty();
  }

  @Override
  public CreatedJob createJob(JobRequest request) {
    Path workDir = request.workDir().toAbsolutePath();
    Map<String, String> values = values(request, workDir);
    List<String> trainer = command.render(values);
    List<String> wrapped = new ArrayList<>(List.of(SHELL.toString(), "-c", WRAPPER,
        "ragft-trainer"));
    wrapped.addAll(trainer);
    try {
      Files.createDirectories(workDir.resolve(OUTPUT));
      AtomicFiles.write(workDir.resolve(COMMAND),
          (String.join("\n", trainer) + "\n").getBytes(StandardCharsets.UTF_8));
      ProcessBuilder builder = new ProcessBuilder(wrapped)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve(LOG).toFile()));
      builder.environment().put("RAGFT_JOB_DIR", workDir.toString());
      Process process = builder.start();
      process.getOutputStream().close();
      String start = process.info().startInstant().map(Instant::toString).orElse("-");
      AtomicFiles.write(workDir.resolve(STARTED),
          (process.pid() + " " + start + "\n").getBytes(StandardCharsets.UTF_8));
      return new CreatedJob(request.clientKey(),
          new JobState.Running(null, "started as process " + process.pid()));
    } catch (IOException e) {
      throw new RagftException("provider '" + name + "' could not start " + trainer.get(0) + ": "
          + e.getMessage() + ".", e);
    }
  }

  @Override
  public Optional<CreatedJob> findJob(JobRequest request) {
    Path workDir = request.workDir();
    if (processId(workDir).isPresent() || Files.exists(workDir.resolve(EXIT))) {
      return Optional.of(new CreatedJob(request.clientKey(),
          status(new JobHandle(request.clientKey(), workDir))));
    }
    return Optional.empty();
  }

  @Override
  public JobState status(JobHandle job) {
    Path workDir = job.workDir();
    if (Files.exists(workDir.resolve(CANCELLED))) {
      return new JobState.Cancelled();
    }
    Optional<Integer> exit = readInt(workDir.resolve(EXIT));
    if (exit.isPresent()) {
      return ended(workDir, exit.get());
    }
    Optional<Long> pid = processId(workDir);
    if (pid.isEmpty()) {
      return new JobState.Queued();
    }
    if (alive(workDir, pid.get())) {
      return new JobState.Running(null, lastLogLine(workDir).orElse("started"));
    }
    exit = readInt(workDir.resolve(EXIT));
    if (exit.isPresent()) {
      return ended(workDir, exit.get());
    }
    return new JobState.Failed("the trainer process " + pid.get() + " ended without recording an"
        + " exit code (was it killed?); see " + workDir.resolve(LOG));
  }

  @Override
  public JobState cancel(JobHandle job) {
    Path workDir = job.workDir();
    if (readInt(workDir.resolve(EXIT)).isPresent()) {
      return status(job);
    }
    AtomicFiles.write(workDir.resolve(CANCELLED), "cancelled\n".getBytes(StandardCharsets.UTF_8));
    // The trainer and everything it started go first, then the wrapper, so that nothing is left
    // running without a parent that would record its end.
    processId(workDir)
        .filter(pid -> alive(workDir, pid))
        .flatMap(ProcessHandle::of)
        .ifPresent(wrapper -> {
          wrapper.descendants().forEach(ProcessHandle::destroy);
          wrapper.destroy();
        });
    return status(job);
  }

  /**
   * The id of the process that runs the trainer (the wrapper shell) of the job in this folder, once
   * it has started: recorded by ragft right after starting it, and by the wrapper itself in case
   * ragft died before it could record it.
   */
  public static Optional<Long> processId(Path workDir) {
    Optional<String> started = readText(workDir.resolve(STARTED));
    if (started.isPresent()) {
      return Optional.of(parseLong(workDir.resolve(STARTED), started.get().split(" ")[0]));
    }
    return readText(workDir.resolve(PID)).map(text -> parseLong(workDir.resolve(PID), text));
  }

  private Map<String, String> values(JobRequest request, Path workDir) {
    Map<String, String> values = new TreeMap<>();
    values.put(CommandTemplate.TRAIN, request.trainingFile().id());
    if (request.validationFile() != null) {
      values.put(CommandTemplate.VALIDATION, request.validationFile().id());
    }
    values.put(CommandTemplate.BASE_MODEL, request.baseModel());
    values.put(CommandTemplate.OUTPUT_DIR, workDir.resolve(OUTPUT).toString());
    values.put(CommandTemplate.JOB_DIR, workDir.toString());
    values.put(CommandTemplate.METHOD, request.method().label());
    values.put(CommandTemplate.CLIENT_KEY, request.clientKey());
    if (request.suffix() != null) {
      values.put(CommandTemplate.SUFFIX, request.suffix());
    }
    request.hyperparameters().given().forEach((parameter, value) ->
        values.put(parameter.placeholder(), value.toString()));
    return values;
  }

  private JobState ended(Path workDir, int code) {
    String log = workDir.resolve(LOG).toString();
    if (code != 0) {
      return new JobState.Failed("the trainer exited with code " + code
          + lastLogLine(workDir).map(line -> "; last log line: " + line).orElse("")
          + "; see " + log);
    }
    Path adapter = adapter(workDir);
    if (!Files.exists(adapter)) {
      return new JobState.Failed("the trainer exited with code 0 but left no adapter at "
          + adapter + "; see " + log);
    }
    return new JobState.Succeeded(null, adapter.toString());
  }

  private Path adapter(Path workDir) {
    Map<String, String> values = Map.of(
        CommandTemplate.OUTPUT_DIR, workDir.resolve(OUTPUT).toAbsolutePath().toString(),
        CommandTemplate.JOB_DIR, workDir.toAbsolutePath().toString(),
        CommandTemplate.CLIENT_KEY, workDir.getFileName().toString());
    return Path.of(new CommandTemplate(name, List.of(adapterPath)).render(values).get(0));
  }

  private static boolean alive(Path workDir, long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    // A process id can be reused after a reboot; the start time tells the trainer apart.
    Optional<String> recorded = readText(workDir.resolve(STARTED))
        .map(text -> text.split(" ")).filter(parts -> parts.length == 2 && !parts[1].equals("-"))
        .map(parts -> parts[1]);
    Optional<Instant> actual = handle.get().info().startInstant();
    return recorded.isEmpty() || actual.isEmpty() || recorded.get().equals(actual.get().toString());
  }

  private static Optional<String> lastLogLine(Path workDir) {
    Path log = workDir.resolve(LOG);
    if (!Files.isRegularFile(log)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(log)) {
      long size = channel.size();
      long from = Math.max(0, size - LOG_TAIL_BYTES);
      ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
      channel.read(buffer, from);
      String[] lines = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
          .split("\\R");
      for (int i = lines.length - 1; i >= 0; i--) {
        String line = lines[i].strip();
        if (!line.isEmpty()) {
          return Optional.of(line.length() > LINE_LIMIT
              ? line.substring(0, LINE_LIMIT) + "..." : line);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Integer> readInt(Path file) {
    return readText(file).map(text -> (int) parseLong(file, text));
  }

  private static long parseLong(Path file, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new RagftException(file + " should hold a number, but holds '" + text + "'.");
    }
  }

  private static Optional<String> readText(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String fileName(FilePurpose purpose) {
    return purpose.label() + ".jsonl";
  }

  static Set<String> adapterPlaceholders() {
    return Set.of(CommandTemplate.OUTPUT_DIR, CommandTemplate.JOB_DIR, CommandTemplate.CLIENT_KEY);
  }
}
