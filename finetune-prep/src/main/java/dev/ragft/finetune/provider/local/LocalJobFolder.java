package dev.ragft.finetune.provider.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.finetune.job.AtomicFiles;
import dev.ragft.finetune.job.Checkpoint;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a local job keeps in its registry folder, which are all any ragft process needs to
 * follow it: the plan ({@value #PLAN}), the training data copy, the trainer's output folder
 * ({@value #OUTPUT}: adapter, PEFT copy, checkpoints), the progress of the last step, the events
 * and checkpoints logged, and one of three endings: the result, the failure, or the cancellation
 * mark. JSON files are replaced atomically; the logs are appended one line at a time.
 */
final class LocalJobFolder {

  /** The plan, written when the job is created. */
  static final String PLAN = "local-job.json";
  /** The trainer's output folder. */
  static final String OUTPUT = "output";
  static final String PROGRESS = "progress.json";
  static final String RESULT = "result.json";
  static final String FAILURE = "failure.json";
  static final String CANCELLED = "cancelled";
  static final String EVENTS = "events.jsonl";
  static final String CHECKPOINTS = "checkpoints.jsonl";
  static final String LOCK = "trainer.lock";

  /**
   * Where the last finished step left the run.
   *
   * @param step the steps done
   * @param totalSteps the steps planned
   * @param loss the loss of the last step
   * @param tokensPerSecond the tokens per second of the process that did it
   * @param trainingSeconds the time every process spent on the job so far
   */
  record Progress(@JsonProperty("step") int step, @JsonProperty("total_steps") int totalSteps,
      @JsonProperty("loss") double loss,
      @JsonProperty("tokens_per_second") double tokensPerSecond,
      @JsonProperty("training_seconds") double trainingSeconds) {
  }

  /**
   * What a finished run produced.
   *
   * @param adapter the GGUF adapter's absolute path
   * @param peft the PEFT folder's absolute path
   * @param stepsDone the steps trained
   * @param totalSteps the steps planned
   * @param finalLoss the loss of the last step
   * @param note why the run ended before its planned steps, or null
   */
  record Result(@JsonProperty("adapter") String adapter, @JsonProperty("peft") String peft,
      @JsonProperty("steps_done") int stepsDone, @JsonProperty("total_steps") int totalSteps,
      @JsonProperty("final_loss") double finalLoss, @JsonProperty("note") String note) {
  }

  private record Failure(@JsonProperty("reason") String reason) {
  }

  private final Path dir;

  LocalJobFolder(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  Path dir() {
    return dir;
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  /** The trainer's output folder. */
  Path output() {
    return dir.resolve(OUTPUT);
  }

  /** The job's key: the name of its folder. */
  String key() {
    return dir.getFileName().toString();
  }

  boolean hasPlan() {
    return Files.isRegularFile(file(PLAN));
  }

  LocalJobPlan plan() {
    return read(PLAN, LocalJobPlan.class).orElseThrow(() -> new InputException(
        file(PLAN).toString(), 0, null, "is missing, so the local job cannot be trained"));
  }

  void writePlan(LocalJobPlan plan) {
    write(PLAN, plan);
  }

  Optional<Progress> progress() {
    return read(PROGRESS, Progress.class);
  }

  void writeProgress(Progress progress) {
    write(PROGRESS, progress);
  }

  void writeResult(Result result) {
    write(RESULT, result);
  }

  void writeFailure(String reason) {
    write(FAILURE, new Failure(reason));
  }

  boolean cancelRequested() {
    return Files.exists(file(CANCELLED));
  }

  void markCancelled() {
    AtomicFiles.write(file(CANCELLED), "cancelled\n".getBytes(StandardCharsets.UTF_8));
  }

  /** The job's final state once it has one: cancelled, succeeded or failed. */
  Optional<JobState> ending() {
    if (cancelRequested()) {
      return Optional.of(new JobState.Cancelled());
    }
    Optional<Result> result = read(RESULT, Result.class);
    if (result.isPresent()) {
      return Optional.of(new JobState.Succeeded(null, result.get().adapter()));
    }
    return read(FAILURE, Failure.class).map(failure -> new JobState.Failed(failure.reason()));
  }

  /** Appends an event to the log. */
  void event(Instant time, String level, String message) {
    append(EVENTS, Json.mapper().createObjectNode().put("time", time.toString())
        .put("level", level).put("message", message));
  }

  /** The events logged, oldest first. */
  List<JobEvent> events() {
    List<JobEvent> events = new ArrayList<>();
    for (JsonNode line : lines(EVENTS)) {
      events.add(new JobEvent(Instant.parse(line.get("time").asText()),
          line.get("level").asText(), line.get("message").asText()));
    }
    return events;
  }

  /** Logs a checkpoint the trainer wrote. */
  void checkpoint(Instant time, int step, Path directory, double loss) {
    append(CHECKPOINTS, Json.mapper().createObjectNode().put("time", time.toString())
        .put("step", step).put("path", directory.toAbsolutePath().toString())
        .put("train_loss", loss));
  }

  /** The logged checkpoints still on disk (the trainer keeps the newest two), by step. */
  List<Checkpoint> checkpoints() {
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (JsonNode line : lines(CHECKPOINTS)) {
      String path = line.get("path").asText();
      if (Files.isDirectory(Path.of(path))) {
        checkpoints.add(new Checkpoint(line.get("step").asLong(), path,
            Instant.parse(line.get("time").asText()),
            Map.of("train_loss", line.get("train_loss").asDouble())));
      }
    }
    return checkpoints;
  }

  private <T> Optional<T> read(String name, Class<T> type) {
    Path file = file(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(Files.readAllBytes(file), type));
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), 0, null, "is not a readable "
          + name + " of a local job: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(String name, Object value) {
    try {
      AtomicFiles.write(file(name), Json.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + name + " as JSON", e);
    }
  }

  /**
   * Appends one line; a last line left without its newline by a process that died while writing
   * it is closed first, so the torn line stays on its own and the reader skips it.
   */
  private void append(String name, JsonNode line) {
    try (FileChannel channel = FileChannel.open(file(name), StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      String text = Json.mapper().writeValueAsString(line) + "\n";
      if (size > 0) {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        if (last.get(0) != '\n') {
          text = "\n" + text;
        }
      }
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      long position = size;
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file(name) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The lines of a log, skipping lines cut short by a process that died while writing them.
   */
  private List<JsonNode> lines(String name) {
    Path file = file(name);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> texts;
    try {
      texts = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        JsonNode node = Json.mapper().readTree(texts.get(i));
        if (node != null && node.isObject()) {
          lines.add(node);
        }
      } catch (JsonProcessingException e) {
        // a line torn by a process that died while writing it: nothing was logged there
      }
    }
    return lines;
  }
}
