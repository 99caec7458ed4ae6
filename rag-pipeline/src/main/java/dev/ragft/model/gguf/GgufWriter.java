package dev.ragft.model.gguf;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a GGUF version 3 file: metadata in the order it was added, then the tensor table and the
 * tensor data in the order the tensors were added, each tensor aligned to {@link #alignment()}.
 * The same calls always give the same bytes. The file is written beside its final name and moved
 * into place, so a reader never sees half a file.
 */
public final class GgufWriter {

  private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
  private final List<Tensor> tensors = new ArrayList<>();
  private int alignment = GgufFile.DEFAULT_ALIGNMENT;

  private record Tensor(String name, long[] dimensions, GgmlType type, ByteBuffer data) {
  }

  /** Adds (or replaces) a metadata entry; {@code general.alignment} also sets the alignment. */
  public GgufWriter put(String key, GgufValue value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (key.equals(GgufFile.ALIGNMENT_KEY)) {
      if (!(value instanceof GgufValue.Int integer) || integer.type() != GgufValueType.UINT32
          || integer.value() <= 0 || Long.bitCount(integer.value()) != 1) {
        throw new IllegalArgumentException(
            GgufFile.ALIGNMENT_KEY + " must be a UINT32 power of two, but is " + value);
      }
      alignment = (int) integer.value();
    }
    metadata.put(key, value);
    return this;
  }

  /** The alignment the tensor data will have. */
  public int alignment() {
    return alignment;
  }

  /**
   * Adds a tensor of raw bytes.
   *
   * @param name the tensor name, unique in the file
   * @param dimensions the sizes in GGUF order (row length first)
   * @param type the storage type the bytes are in
   * @param data exactly {@code type.bytesFor(elements)} bytes, from position to limit; copied
   */
  public GgufWriter addTensor(String name, long[] dimensions, GgmlType type, ByteBuffer data) {
    GgufTensorInfo info = new GgufTensorInfo(name, dimensions, type, 0);
    if (dimensions[0] % type.blockSize() != 0) {
      throw new IllegalArgumentException("tensor " + name + " has rows of " + dimensions[0]
          + " elements, not a multiple of the " + type + " block size " + type.blockSize());
    }
    if (data.remaining() != info.byteSize()) {
      throw new IllegalArgumentException("tensor " + name + " needs " + info.byteSize()
          + " bytes, but " + data.remaining() + " were given");
    }
    for (Tensor tensor : tensors) {
      if (tensor.name.equals(name)) {
        throw new IllegalArgumentException("tensor " + name + " was already added");
      }
    }
    ByteBuffer copy = ByteBuffer.allocate(data.remaining());
    copy.put(data.duplicate()).flip();
    tensors.add(new Tensor(name, dimensions.clone(), type, copy));
    return this;
  }

  /** Adds an F32 tensor from row-major floats, with dimensions in GGUF order (row length first). */
  public GgufWriter addF32(String name, long[] dimensions, float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return addTensor(name, dimensions, GgmlType.F32, bytes);
  }

  /** Writes the file, replacing any file at {@code path}. */
  public void write(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempFile(parent, path.getFileName().toString(), ".part");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        writeTo(out);
      }
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // the failure being reported matters more than the leftover part file
        }
      }
    }
  }

  /** Writes the file's bytes to a stream (not closed). */
  public void writeTo(OutputStream stream) throws IOException {
    LittleEndianOutput out = new LittleEndianOutput(stream);
    out.int32(GgufHeaderParser.MAGIC);
    out.int32(3);
    out.int64(tensors.size());
    out.int64(metadata.size());
    for (Map.Entry<String, GgufValue> entry : metadata.entrySet()) {
      out.string(entry.getKey());
      out.int32(entry.getValue().type().id());
      value(out, entry.getValue());
    }
    long offset = 0;
    for (Tensor tensor : tensors) {
      out.string(tensor.name);
      out.int32(tensor.dimensions.length);
      for (long size : tensor.dimensions) {
        out.int64(size);
      }
      out.int32(tensor.type.id());
      out.int64(offset);
      offset = align(offset + tensor.data.remaining());
    }
    out.pad(align(out.written()) - out.written());
    for (Tensor tensor : tensors) {
      out.bytes(tensor.data.duplicate());
      out.pad(align(out.written()) - out.written());
    }
    out.flush();
  }

  private long align(long position) {
    return (position + alignment - 1) / alignment * alignment;
  }

  private static void value(LittleEndianOutput out, GgufValue value) throws IOException {
    switch (value) {
      case GgufValue.Int integer -> {
        switch (integer.type()) {
          case UINT8, INT8 -> out.int8((int) integer.value());
          case UINT16, INT16 -> out.int16((int) integer.value());
          case UINT32, INT32 -> out.int32((int) integer.value());
          default -> out.int64(integer.value());
        }
      }
      case GgufValue.Real real -> {
        if (real.type() == GgufValueType.FLOAT32) {
          out.int32(Float.floatToRawIntBits((float) real.value()));
        } else {
          out.int64(Double.doubleToRawLongBits(real.value()));
        }
      }
      case GgufValue.Bool bool -> out.int8(bool.value() ? 1 : 0);
      case GgufValue.Text text -> out.string(text.value());
      case GgufValue.Array array -> {
        out.int32(array.elementType().id());
        out.int64(array.values().size());
        for (GgufValue element : array.values()) {
          value(out, element);
        }
      }
    }
  }

  /** A little-endian output that counts what it wrote. */
  private static final class LittleEndianOutput {
    private final DataOutputStream out;
    private long written;

    LittleEndianOutput(OutputStream stream) {
      this.out = new DataOutputStream(stream);
    }

    long written() {
      return written;
    }

    void int8(int value) throws IOException {
      out.write(value);
      written += 1;
    }

    void int16(int value) throws IOException {
      out.writeShort(Short.reverseBytes((short) value));
      written += 2;
    }

    void int32(int value) throws IOException {
      out.writeInt(Integer.reverseBytes(value));
      written += 4;
    }

    void int64(long value) throws IOException {
      out.writeLong(Long.reverseBytes(value));
      written += 8;
    }

    void string(String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      int64(bytes.length);
      out.write(bytes);
      written += bytes.length;
    }

    void bytes(ByteBuffer data) throws IOException {
      byte[] chunk = new byte[1 << 16];
      while (data.hasRemaining()) {
        int n = Math.min(chunk.length, data.remaining());
        data.get(chunk, 0, n);
        out.write(chunk, 0, n);
        written += n;
      }
    }

    void pad(long count) throws IOException {
      for (long i = 0; i < count; i++) {
        out.write(0);
      }
      written += count;
    }

    void flush() throws IOException {
      out.flush();
    }
  }
}
