package dev.ragft.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import dev.ragft.eval.context.CaseContext;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.RetrievalScores;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.result.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only record of a run, one JSON object per line, each forced to disk before the call
 * that wrote it returns: a header naming the run and the hash of its configuration, then the
 * context each (case, setup) was given and every finished sample. A run killed at any moment
 * leaves every finished sample on disk; a line cut short by the kill is dropped when the journal
 * is opened again. Reopening it gives back what was recorded, so a resumed run repeats no
 * finished call and loses no finished result. Thread-safe.
 *
 * <pre>
 * {"type":"run","format":1,"runId":"run-…","config":"sha256 of the configuration"}
 * {"type":"context","case":"k-1","setup":"rag","passages":[…],"retrieval":{…}}
 * {"type":"sample","case":"k-1","setup":"rag","seed":123,"sample":{…}}
 * </pre>
 */
public final class RunJournal implements AutoCloseable {

  /** The journal's file name in a run folder. */
  public static final String FILE = "journal.jsonl";
  /** The layout version this class writes and reads. */
  public static final int FORMAT = 1;

  private static final ObjectMapper MAPPER = RunResultJson.mapper();

  private final Path file;
  private final FileChannel channel;
  private final Map<Pair, CaseContext> contexts = new ConcurrentHashMap<>();
  private final Map<SampleKey, Sample> samples = new ConcurrentHashMap<>();
  private final List<SampleKey> order = new ArrayList<>();

  private RunJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** A (case, setup) pair. */
  private record Pair(String caseId, String setupId) {
  }

  /**
   * Opens the journal in {@code folder}: reads what an earlier run recorded (dropping a last line
   * the earlier run did not finish writing), or starts a new journal with its header.
   *
   * @throws RagftException when the journal belongs to another run or configuration
   */
  public static RunJournal open(Path folder, String runId, String configSha256) {
    Path file = folder.resolve(FILE);
    try {
      Files.createDirectories(folder);
      boolean existed = Files.exists(file) && Files.size(file) > 0;
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      RunJournal journal = new RunJournal(file, channel);
      try {
        if (!existed || !journal.load(runId, configSha256)) {
          ObjectNode header = MAPPER.createObjectNode();
          header.put("type", "run");
          header.put("format", FORMAT);
          header.put("runId", runId);
          header.put("config", configSha256);
          journal.append(header);
        }
      } catch (RuntimeException e) {
        channel.close();
        throw e;
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the run journal " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** Reads the recorded lines; false when not even the header was recorded. */
  private boolean load(String runId, String configSha256) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int complete = bytes.length;
    while (complete > 0 && bytes[complete - 1] != '\n') {
      complete--;
    }
    if (complete < bytes.length) {
      channel.truncate(complete);
      channel.force(true);
    }
    if (complete == 0) {
      return false;
    }
    String[] lines = new String(bytes, 0, complete, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(lines[i]);
      } catch (JsonProcessingException e) {
        throw new InputException(file.toString(), i + 1, null, "is not a journal record: "
            + e.getOriginalMessage(), e);
      }
      if (i == 0 && !node.path("type").asText().equals("run")) {
        throw new InputException(file.toString(), 1, null, "is not a run journal header");
      }
      read(node, i + 1, runId, configSha256);
    }
    return true;
  }

  private void read(JsonNode node, int line, String runId, String configSha256) {
    String type = node.path("type").asText();
    try {
      switch (type) {
        case "run" -> {
          if (node.path("format").asInt() != FORMAT) {
            throw new InputException(file.toString(), line, "format", "is "
                + node.path("format") + ", but this ragft reads journals of format " + FORMAT);
          }
          if (!node.path("runId").asText().equals(runId)
              || !node.path("config").asText().equals(configSha256)) {
            throw new RagftException("the journal " + file + " belongs to run "
                + node.path("runId").asText() + " with another configuration; resume that run"
                + " with 'ragft eval resume " + file.getParent() + "' or choose another --out");
          }
        }
        case "context" -> {
          List<Passage> passages = new ArrayList<>();
          for (JsonNode passage : node.path("passages")) {
            passages.add(MAPPER.treeToValue(passage, Passage.class));
          }
          Optional<RetrievalScores> retrieval = node.path("retrieval").isObject()
              ? Optional.of(MAPPER.treeToValue(node.get("retrieval"), RetrievalScores.class))
              : Optional.empty();
          contexts.put(new Pair(node.path("case").asText(), node.path("setup").asText()),
              new CaseContext(passages, retrieval));
        }
        case "sample" -> {
          Sample sample = MAPPER.treeToValue(node.get("sample"), Sample.class);
          SampleKey key = new SampleKey(node.path("case").asText(), node.path("setup").asText(),
              sample.index());
          if (samples.putIfAbsent(key, sample) == null) {
            order.add(key);
          }
        }
        default -> throw new InputException(file.toString(), line, "type",
            "is not a journal record type: \"" + type + "\"");
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InputException(file.toString(), line, null, "is not a valid " + type
          + " record: " + e.getMessage(), e);
    }
  }

  /** The context recorded for a (case, setup), if any. */
  public Optional<CaseContext> context(String caseId, String setupId) {
    return Optional.ofNullable(contexts.get(new Pair(caseId, setupId)));
  }

  /** The sample recorded under {@code key}, if any. */
  public Optional<Sample> sample(SampleKey key) {
    return Optional.ofNullable(samples.get(key));
  }

  /** The number of samples recorded. */
  public int sampleCount() {
    return samples.size();
  }

  /** The recorded samples' keys, in the order they were recorded. */
  public synchronized List<SampleKey> sampleOrder() {
    return List.copyOf(order);
  }

  /** Records the context of a (case, setup) and forces it to disk. */
  public void recordContext(String caseId, String setupId, CaseContext context) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", "context");
    node.put("case", caseId);
    node.put("setup", setupId);
    node.set("passages", MAPPER.valueToTree(context.passages()));
    node.set("retrieval", context.retrieval().isPresent()
        ? MAPPER.valueToTree(context.retrieval().get()) : MAPPER.nullNode());
    append(node);
    contexts.put(new Pair(caseId, setupId), context);
  }

  /** Records a finished sample and forces it to disk. */
  public void recordSample(SampleKey key, int seed, Sample sample) {
    if (sample.index() != key.index()) {
      throw new IllegalArgumentException("sample " + sample.index() + " recorded under key "
          + key);
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", "sample");
    node.put("case", key.caseId());
    node.put("setup", key.setupId());
    node.put("seed", seed);
    node.set("sample", MAPPER.valueToTree(sample));
    synchronized (this) {
      append(node);
      if (samples.putIfAbsent(key, sample) == null) {
        order.add(key);
      }
    }
  }

  private synchronized void append(ObjectNode node) {
    try {
      ByteBuffer line = ByteBuffer.wrap((MAPPER.writeValueAsString(node) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      long at = channel.size();
      while (line.hasRemaining()) {
        at += channel.write(line, at);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run journal " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** The journal's file. */
  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the run journal " + file, e);
    }
  }
}
