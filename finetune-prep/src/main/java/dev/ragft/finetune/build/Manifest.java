package dev.ragft.finetune.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A build's manifest: sources with their SHA-256 and licences, settings, counts, token totals and
 * the SHA-256 of every output file. It holds no time, host or absolute path, so identical inputs
 * give identical bytes; its own SHA-256 identifies the dataset to a job registry.
 *
 * @param json the manifest tree
 */
public record Manifest(ObjectNode json) {

  /** The file name of the manifest in a build's output folder. */
  public static final String FILE = "manifest.json";
  /** The folder, inside the output folder, that keeps every manifest a build ever wrote. */
  public static final String HISTORY = "manifests";

  private static final ObjectWriter PRETTY = Json.mapper().writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** The manifest's bytes: pretty-printed JSON with {@code \n} line ends and a final newline. */
  public byte[] bytes() {
    return toBytes(json);
  }

  /** The SHA-256 of {@link #bytes()}. */
  public String sha256() {
    return Hashes.sha256(bytes());
  }

  /** The ids of the sources this manifest lists. */
  public List<String> sourceIds() {
    List<String> ids = new ArrayList<>();
    json.path("sources").forEach(source -> ids.add(source.path("id").asText()));
    return ids;
  }

  /** Whether the manifest lists a source with this id or file path. */
  public boolean holdsSource(String idOrPath) {
    for (JsonNode source : json.path("sources")) {
      if (source.path("id").asText().equals(idOrPath)) {
        return true;
      }
      for (JsonNode file : source.path("files")) {
        if (file.path("path").asText().equals(idOrPath)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Reads a manifest file. */
  public static Manifest read(Path file) {
    try {
      JsonNode tree = Json.mapper().readTree(Files.readAllBytes(file));
      if (!(tree instanceof ObjectNode object)) {
        throw new InputException(file.getFileName().toString(), 0, null, "is not a manifest object");
      }
      return new Manifest(object);
    } catch (IOException e) {
      throw new InputException(file.getFileName().toString(), 0, null,
          "cannot be read as a manifest: " + e.getMessage(), e);
    }
  }

  /** Pretty-printed bytes of any report tree, in the manifest's style. */
  static byte[] toBytes(JsonNode tree) {
    try {
      return (PRETTY.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
