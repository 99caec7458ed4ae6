package dev.ragft.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small LoRA adapters in llama.cpp's GGUF layout for tests, until the trainer's own GGUF
 * writer can produce them: one F32 pair {@code <tensor>.lora_a} (shape [in, rank]) and
 * {@code <tensor>.lora_b} (shape [rank, out]), with {@code general.type = adapter} and
 * {@code adapter.type = lora}. Every value of A is {@code a}; every value of B is {@code b}, so
 * {@code b = 0} gives an adapter that changes nothing.
 */
public final class TestLoras {

  private static final int ALIGNMENT = 32;

  private TestLoras() {
  }

  /** An adapter for stories260K's first attention query projection (64 by 64). */
  public static Path forStories(Path file, float a, float b) throws IOException {
    return write(file, "llama", "blk.0.attn_q.weight", 64, 64, 4, a, b);
  }

  /** Writes an adapter for {@code tensor} of the given architecture and shape. */
  public static Path write(Path file, String architecture, String tensor, int in, int out,
      int rank, float a, float b) throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("general.architecture", architecture);
    metadata.put("general.type", "adapter");
    metadata.put("adapter.type", "lora");
    List<Tensor> tensors = List.of(
        new Tensor(tensor + ".lora_a", new long[] {in, rank}, a),
        new Tensor(tensor + ".lora_b", new long[] {rank, out}, b));

    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
    header.writeBytes(le(4).putInt(3).array());
    header.writeBytes(le(8).putLong(tensors.size()).array());
    header.writeBytes(le(8).putLong(metadata.size()).array());
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      writeString(header, entry.getKey());
      header.writeBytes(le(4).putInt(8).array());
      writeString(header, entry.getValue());
    }
    long offset = 0;
    List<Long> offsets = new ArrayList<>();
    for (Tensor t : tensors) {
      writeString(header, t.name());
      header.writeBytes(le(4).putInt(t.shape().length).array());
      for (long dimension : t.shape()) {
        header.writeBytes(le(8).putLong(dimension).array());
      }
      header.writeBytes(le(4).putInt(0).array()); // F32
      header.writeBytes(le(8).putLong(offset).array());
      offsets.add(offset);
      offset = align(offset + 4L * t.count());
    }
    header.writeBytes(new byte[(int) (align(header.size()) - header.size())]);
    ByteBuffer data = le((int) offset);
    for (int i = 0; i < tensors.size(); i++) {
      data.position(offsets.get(i).intValue());
      for (long k = 0; k < tensors.get(i).count(); k++) {
        data.putFloat(tensors.get(i).value());
      }
    }
    header.writeBytes(data.array());
    return Files.write(file, header.toByteArray());
  }

  private record Tensor(String name, long[] shape, float value) {
    long count() {
      long count = 1;
      for (long dimension : shape) {
        count *= dimension;
      }
      return count;
    }
  }

  private static void writeString(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(le(8).putLong(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static long align(long position) {
    return (position + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }
}
