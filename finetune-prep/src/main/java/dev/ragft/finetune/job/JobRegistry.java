package dev.ragft.finetune.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The local, file-backed record of every fine-tuning job: one folder per job under the root, named
 * by its client key, holding {@value #RECORD_FILE} (the current {@link JobRecord} as JSON) and
 * whatever files the provider keeps for the job (logs, process ids, outputs of local trainers).
 *
 * <p>Crash-safe: a record is replaced atomically ({@link AtomicFiles}), so a crash at any moment
 * leaves the previous record or the new one readable, never a torn file. Changes to one job are
 * serialised by a lock that holds across processes as well as threads, so two {@code ragft}
 * commands following the same job cannot lose each other's updates. Thread-safe.
 */
public final class JobRegistry {

  /** The name of the record file in each job folder. */
  public static final String RECORD_FILE = "job.json";

  private static final String LOCK_FILE = ".lock";
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");
  private static final ObjectMapper MAPPER = Json.mapper().copy()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final Path root;
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Opens (and creates when needed) a registry rooted at {@code root}. */
  public JobRegistry(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  /** The default registry folder: {@code ~/.ragft/ft-jobs}. */
  public static Path defaultRoot() {
    return Path.of(System.getProperty("user.home"), ".ragft", "ft-jobs");
  }

  /** The registry's root folder. */
  public Path root() {
    return root;
  }

  /** The folder of one job (it exists once the job is recorded). */
  public Path jobDir(String clientKey) {
    if (!KEY.matcher(clientKey).matches()) {
      throw new IllegalArgumentException("a client key is 3 to 63 lower-case letters, digits and "
          + "hyphens, starting with a letter or digit, but is: " + clientKey);
    }
    return root.resolve(clientKey);
  }

  /**
   * Stores a new record unless one with the same client key exists, and returns the stored one:
   * the new record, or the existing one unchanged.
   */
  public JobRecord createIfAbsent(JobRecord record) {
    String key = record.clientKey();
    return locked(key, () -> {
      Optional<JobRecord> existing = read(key);
      if (existing.isPresent()) {
        return existing.get();
      }
      write(record);
      return record;
    });
  }

  /** The record of a job, or empty when the registry has none under this key. */
  public Optional<JobRecord> find(String clientKey) {
    return read(clientKey);
  }

  /** The record of a job; a missing one is an error naming the registry. */
  public JobRecord load(String clientKey) {
    return read(clientKey).orElseThrow(() -> new RagftException(
        "the job registry " + root + " has no job " + clientKey + "."));
  }

  /**
   * The job whose key is {@code keyOrPrefix} or, failing that, the only job whose key starts with
   * it; no match or several matches is an error that names them.
   */
  public JobRecord resolve(String keyOrPrefix) {
    if (KEY.matcher(keyOrPrefix).matches()) {
      Optional<JobRecord> exact = read(keyOrPrefix);
      if (exact.isPresent()) {
        return exact.get();
      }
    }
    List<JobRecord> matches = list().stream()
        .filter(record -> record.clientKey().startsWith(keyOrPrefix))
        .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new RagftException("the job registry " + root + " has no job " + keyOrPrefix + ".");
    }
    throw new RagftException("'" + keyOrPrefix + "' matches several jobs ("
        + String.join(", ", matches.stream().map(JobRecord::clientKey).toList())
        + "); give more of the key.");
  }

  /**
   * Applies {@code change} to the stored record under the job's lock and stores the result
   * atomically; returns the stored record. The record's key must not change.
   */
  public JobRecord update(String clientKey, UnaryOperator<JobRecord> change) {
    return locked(clientKey, () -> {
      JobRecord current = load(clientKey);
      JobRecord next = Objects.requireNonNull(change.apply(current), "changed record");
      if (!next.clientKey().equals(clientKey)) {
        throw new IllegalArgumentException("an update must keep the client key " + clientKey);
      }
      if (next != current) {
        write(next);
      }
      return next;
    });
  }

  /** Every job, oldest first (ties broken by key). */
  public List<JobRecord> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<JobRecord> records = new ArrayList<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path folder : folders) {
        String key = folder.getFileName().toString();
        if (KEY.matcher(key).matches()) {
          read(key).ifPresent(records::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the job registry " + root + ": "
          + e.getMessage(), e);
    }
    records.sort(Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::clientKey));
    return records;
  }

  /**
   * The fine-tuned models that jobs trained on data described by the dataset manifest with this
   * SHA-256 produced: only jobs that succeeded, oldest first. {@code ragft ft forget} uses this to
   * list the models that must be retrained or withdrawn when a source is removed.
   */
  public List<TrainedModel> modelsTrainedOn(String manifestSha256) {
    return jobsUsing(manifestSha256).stream()
        .filter(record -> record.state() instanceof JobState.Succeeded)
        .map(record -> {
          JobState.Succeeded done = (JobState.Succeeded) record.state();
          return new TrainedModel(record.clientKey(), record.provider().name(),
              record.baseModel(), done.modelId(), done.adapterPath());
        })
        .toList();
  }

  /**
   * Every job, in any state, whose data is described by the dataset manifest with this SHA-256,
   * oldest first; includes jobs still running, whose models do not exist yet.
   */
  public List<JobRecord> jobsUsing(String manifestSha256) {
    Objects.requireNonNull(manifestSha256, "manifestSha256");
    return list().stream()
        .filter(record -> record.datasetManifestSha256().equals(manifestSha256))
        .toList();
  }

  private Optional<JobRecord> read(String clientKey) {
    Path file = jobDir(clientKey).resolve(RECORD_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(Files.readAllBytes(file), JobRecord.class));
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), 0, null,
          "is not a readable job record: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(JobRecord record) {
    Path folder = jobDir(record.clientKey());
    try {
      Files.createDirectories(folder);
      AtomicFiles.write(folder.resolve(RECORD_FILE), MAPPER.writeValueAsBytes(record));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the job record in " + folder + ": "
          + e.getMessage(), e);
    }
  }

  private <T> T locked(String clientKey, Supplier<T> action) {
    Path folder = jobDir(clientKey);
    ReentrantLock lock = locks.computeIfAbsent(clientKey, key -> new ReentrantLock());
    lock.lock();
    try {
      Files.createDirectories(folder);
      try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock fileLock = channel.lock();
        try {
          return action.get();
        } finally {
          fileLock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock job " + clientKey + " in " + root + ": "
          + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
