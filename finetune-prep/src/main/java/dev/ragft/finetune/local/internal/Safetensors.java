package dev.ragft.finetune.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The safetensors format for F32 tensors: an 8-byte little-endian header length, a JSON header
 * mapping each name to {@code dtype}, {@code shape} and {@code data_offsets} (plus an optional
 * {@code __metadata__} of strings), padded with spaces to a multiple of 8, then the raw data.
 * Tensors are written in name order, so identical tensors give identical files.
 */
public final class Safetensors {

  /**
   * One F32 tensor.
   *
   * @param shape the row-major shape
   * @param values the values, row-major
   */
  public record Tensor(long[] shape, float[] values) {
    /** Validates that the shape holds exactly the values. */
    public Tensor {
      shape = shape.clone();
      long count = 1;
      for (long size : shape) {
        count *= size;
      }
      if (count != values.length) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
            + " values, but " + values.length + " were given");
      }
    }
  }

  private Safetensors() {
  }

  /** Writes the tensors (sorted by name) and string metadata to {@code file}, replacing it. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
    Map<String, Tensor> sorted = new TreeMap<>(tensors);
    ObjectNode header = Json.mapper().createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      new TreeMap<>(metadata).forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> entry : sorted.entrySet()) {
      ObjectNode node = header.putObject(entry.getKey());
      node.put("dtype", "F32");
      Arrays.stream(entry.getValue().shape()).forEach(node.putArray("shape")::add);
      long end = offset + 4L * entry.getValue().values().length;
      node.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    byte[] headerBytes = Arrays.copyOf(json, padded);
    Arrays.fill(headerBytes, json.length, padded, (byte) ' ');
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".part");
      try (OutputStream out = Files.newOutputStream(temp)) {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(length.array());
        out.write(headerBytes);
        for (Tensor tensor : sorted.values()) {
          ByteBuffer data = ByteBuffer.allocate(4 * tensor.values().length)
              .order(ByteOrder.LITTLE_ENDIAN);
          data.asFloatBuffer().put(tensor.values());
          out.write(data.array());
        }
      }
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads every F32 tensor of a file, in file order; anything malformed names the file. */
  public static Map<String, Tensor> read(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(source, 0, null, "cannot be read: " + e, e);
    }
    if (bytes.length < 8) {
      throw new InputException(source, 0, null, "is truncated: it has " + bytes.length
          + " bytes, fewer than the 8 of a safetensors header length");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = buffer.getLong(0);
    if (headerLength < 2 || headerLength > bytes.length - 8) {
      throw new InputException(source, 0, null, "is truncated or not safetensors: its header"
          + " claims " + headerLength + " bytes, but the file has " + bytes.length);
    }
    JsonNode header;
    try {
      header = Json.mapper().readTree(new String(bytes, 8, (int) headerLength,
          StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InputException(source, 0, null, "has a header that is not JSON", e);
    }
    long dataStart = 8 + headerLength;
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : header.properties()) {
      if (entry.getKey().equals("__metadata__")) {
        continue;
      }
      JsonNode node = entry.getValue();
      if (!"F32".equals(node.path("dtype").asText())) {
        throw new InputException(source, 0, entry.getKey(), "has dtype "
            + node.path("dtype").asText() + ", but only F32 adapters can be read");
      }
      long[] shape = new long[node.path("shape").size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = node.path("shape").get(i).asLong();
      }
      long begin = node.path("data_offsets").path(0).asLong(-1);
      long end = node.path("data_offsets").path(1).asLong(-1);
      if (begin < 0 || end < begin || dataStart + end > bytes.length) {
        throw new InputException(source, 0, entry.getKey(), "is truncated: its data ends at byte "
            + (dataStart + end) + ", but the file has " + bytes.length);
      }
      float[] values = new float[(int) ((end - begin) / 4)];
      buffer.slice((int) (dataStart + begin), (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer().get(values);
      tensors.put(entry.getKey(), new Tensor(shape, values));
    }
    return tensors;
  }
}
