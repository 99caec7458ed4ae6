package dev.ragft.finetune.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.Json;
import dev.ragft.finetune.example.TrainingExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes examples in a provider format as JSON Lines: UTF-8, one object per line, {@code \n}
 * endings, fields in a fixed order, so identical examples give identical bytes. The file is
 * written beside its destination and moved into place, so a failed export leaves no half file.
 */
public final class Exporter {

  private Exporter() {
  }

  /** The bytes of {@code examples} in {@code format}, with the ids of those skipped. */
  public static Encoded encode(List<TrainingExample> examples, Format format) {
    FormatCodec codec = format.codec();
    StringBuilder text = new StringBuilder();
    List<String> skipped = new ArrayList<>();
    int written = 0;
    for (TrainingExample example : examples) {
      Optional<ObjectNode> line = codec.encode(example);
      if (line.isEmpty()) {
        skipped.add(example.id());
        continue;
      }
      try {
        text.append(Json.mapper().writeValueAsString(line.get())).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree could not be written", e);
      }
      written++;
    }
    return new Encoded(text.toString().getBytes(StandardCharsets.UTF_8), written, skipped);
  }

  /** Writes {@code examples} to {@code file} in {@code format}. */
  public static ExportResult export(List<TrainingExample> examples, Format format, Path file) {
    Encoded encoded = encode(examples, format);
    writeAtomically(file, encoded.bytes());
    return new ExportResult(file.getFileName().toString(), format, encoded.written(),
        encoded.skipped(), Hashes.sha256(encoded.bytes()));
  }

  /** Writes bytes to a temporary file beside {@code file}, then moves it into place. */
  public static void writeAtomically(Path file, byte[] bytes) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Encoded examples.
   *
   * @param bytes the JSON Lines bytes
   * @param written how many examples they hold
   * @param skipped the ids of examples the format has no place for
   */
  public record Encoded(byte[] bytes, int written, List<String> skipped) {

    /** Copies the list; the bytes are not copied (they are never shared). */
    public Encoded {
      skipped = List.copyOf(skipped);
    }
  }
}
