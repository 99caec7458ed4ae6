package dev.ragft.finetune.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.Capabilities;
import dev.ragft.finetune.job.CreatedJob;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.RemoteFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the remote fine-tuning providers share: the configured name and HTTP client, constant
 * capabilities, the upload name by which an upload is found again after a crash, the requests
 * that return a job's state, and the one-sentence error for a job status ragft does not know. A
 * subclass implements its service's endpoints and maps the service's job object onto a
 * {@link JobState} in {@link #state}.
 */
public abstract class RemoteProvider implements FineTuningProvider {

  /** The configured name, for messages. */
  protected final String name;
  /** The client for the service's base URL. */
  protected final JsonHttp http;
  private final Capabilities capabilities;

  /**
   * Creates the provider.
   *
   * @param name the configured name
   * @param http the client for the service's base URL
   * @param capabilities what the service can do
   */
  protected RemoteProvider(String name, JsonHttp http, Capabilities capabilities) {
    this.name = Objects.requireNonNull(name, "name");
    this.http = Objects.requireNonNull(http, "http");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Capabilities capabilities() {
    return capabilities;
  }

  /**
   * The state of a job as the service's job object describes it.
   *
   * @param job the job object
   * @param what the request that returned it, e.g. {@code GET /fine-tunes/ft-1}, for messages
   */
  protected abstract JobState state(JsonNode job, String what);

  /** The job a create or list answer describes: its {@code id} and its state. */
  protected CreatedJob created(JsonNode job, String what) {
    return new CreatedJob(Fields.text(job, "id", name, what), state(job, what));
  }

  /** The state of the job that {@code GET path} returns. */
  protected JobState stateAt(String path) {
    return state(http.get(path), "GET " + path);
  }

  /**
   * The state of the job in the answer to {@code POST path} with an empty object, a request that
   * is safe to repeat (a cancellation).
   */
  protected JobState stateAfterPost(String path) {
    return state(http.post(path, Json.mapper().createObjectNode(), JsonHttp.Repeat.SAFE),
        "POST " + path);
  }

  /**
   * The error for a job {@code field} (its status or state) of a value ragft does not know: a
   * service adding a state is never silently mapped.
   */
  protected RagftException unknown(String field, String value, String what) {
    return new RagftException(name + " reported the job " + field + " '" + value
        + "', which ragft does not know, for " + what + ".");
  }

  /** The name an upload gets: {@code ragft-<client key>-<purpose>.jsonl}. */
  public static String uploadName(String clientKey, FilePurpose purpose) {
    return "ragft-" + clientKey + "-" + purpose.label() + ".jsonl";
  }

  /**
   * Uploads a data file as multipart form data: {@code purpose=fine-tune}, then
   * {@code extraFields} in their order, then the file as part {@code file} under its
   * {@link #uploadName}; returns the service's id for it (the answer's {@code id}).
   */
  protected RemoteFile uploadFile(String path, Path file, String clientKey, FilePurpose purpose,
      Map<String, String> extraFields) {
    String filename = uploadName(clientKey, purpose);
    Multipart body = new Multipart(clientKey + "/" + purpose.label())
        .field("purpose", "fine-tune");
    extraFields.forEach(body::field);
    body.file("file", filename, "application/jsonl", file);
    JsonNode answer = http.upload(path, body);
    return new RemoteFile(Fields.text(answer, "id", name, "POST " + path), filename);
  }

  /**
   * The file of a listing ({@code data} array) whose {@code filename} is the upload name of this
   * key and purpose and which {@code accept} takes; empty when there is none.
   */
  protected Optional<RemoteFile> listedUpload(JsonNode listing, String what, String clientKey,
      FilePurpose purpose, Predicate<JsonNode> accept) {
    String filename = uploadName(clientKey, purpose);
    for (JsonNode file : Fields.array(listing, "data", name, what)) {
      if (filename.equals(Fields.optText(file, "filename")) && accept.test(file)) {
        return Optional.of(new RemoteFile(Fields.text(file, "id", name, what), filename));
      }
    }
    return Optional.empty();
  }

  /** The numeric entries of an object's {@code metrics} object, by name. */
  protected static Map<String, Double> metrics(JsonNode checkpoint) {
    Map<String, Double> metrics = new TreeMap<>();
    checkpoint.path("metrics").properties().forEach(entry -> {
      if (entry.getValue().isNumber()) {
        metrics.put(entry.getKey(), entry.getValue().asDouble());
      }
    });
    return metrics;
  }
}
