package dev.ragft.finetune.job;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain-text views of jobs for the command line: a one-line summary, the full status with
 * history, a table of jobs, events and checkpoints. Times are UTC; output is deterministic.
 */
public final class JobReports {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private JobReports() {
  }

  /** One line: key, provider, remote id and state, e.g. {@code ft-1a2b... openai ftjob-9 running}. */
  public static String line(JobRecord record) {
    return record.clientKey() + " " + record.provider().name() + " "
        + (record.remoteJobId() == null ? "(not created)" : record.remoteJobId()) + " "
        + state(record);
  }

  /** The job's state, or how far its submission got when it has none yet. */
  public static String state(JobRecord record) {
    return record.state() == null
        ? "submission stopped at " + record.step().name().toLowerCase(Locale.ROOT)
        : record.state().describe();
  }

  /** Everything recorded about the job, one field per line, then its history. */
  public static List<String> status(JobRecord record) {
    List<String> lines = new ArrayList<>();
    lines.add("job:          " + record.clientKey());
    lines.add("provider:     " + record.provider().name() + " (" + record.provider().type() + ")");
    lines.add("base model:   " + record.baseModel());
    lines.add("method:       " + record.method().label());
    Map<Hyperparameter, Number> given = record.hyperparameters().given();
    lines.add("settings:     " + (given.isEmpty() ? "provider defaults" : String.join(", ",
        given.entrySet().stream().map(e -> e.getKey().placeholder() + "=" + e.getValue())
            .toList())));
    if (!record.provider().options().isEmpty()) {
      lines.add("options:      " + String.join(", ", record.provider().options().entrySet()
          .stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    lines.add("training:     " + record.trainingFile().path() + " (sha256 "
        + record.trainingFile().sha256() + ")");
    if (record.validationFile() != null) {
      lines.add("validation:   " + record.validationFile().path() + " (sha256 "
          + record.validationFile().sha256() + ")");
    }
    lines.add("manifest:     " + record.datasetManifestSha256());
    lines.add("remote job:   " + (record.remoteJobId() == null ? "-" : record.remoteJobId()));
    lines.add("state:        " + state(record));
    if (record.state() instanceof JobState.Succeeded done) {
      lines.add(done.modelId() != null ? "model:        " + done.modelId()
          : "adapter:      " + done.adapterPath());
    }
    lines.add("history:");
    for (HistoryEntry entry : record.history()) {
      lines.add("  " + TIME.format(entry.at()) + "  " + entry.change());
    }
    return lines;
  }

  /** A table of jobs, one row each, in the order given. */
  public static List<String> table(List<JobRecord> records) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"JOB", "PROVIDER", "BASE MODEL", "CREATED", "STATE"});
    for (JobRecord record : records) {
      rows.add(new String[] {record.clientKey(), record.provider().name(), record.baseModel(),
          TIME.format(record.createdAt()), state(record)});
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      lines.add(line.append(row[4]).toString());
    }
    return lines;
  }

  /** Events, one line each: time, level, message. */
  public static List<String> events(List<JobEvent> events) {
    return events.stream()
        .map(event -> time(event.time()) + "  " + event.level() + "  " + event.message())
        .toList();
  }

  /** Checkpoints, one line each: step, time, name and metrics. */
  public static List<String> checkpoints(List<Checkpoint> checkpoints) {
    return checkpoints.stream()
        .map(checkpoint -> "step " + checkpoint.step() + "  " + time(checkpoint.createdAt())
            + (checkpoint.id() == null ? "" : "  " + checkpoint.id())
            + (checkpoint.metrics().isEmpty() ? "" : "  " + String.join(" ",
                checkpoint.metrics().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList())))
        .toList();
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }
}
