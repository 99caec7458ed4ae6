package dev.ragft.model.gguf;

import dev.ragft.common.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open GGUF file (versions 2 and 3): its metadata and tensor table, parsed when it is opened,
 * and its tensor data, memory-mapped one tensor at a time when asked for, so that a large model is
 * never copied whole into the Java heap. Errors are {@link InputException}s whose message names
 * the file and says in one sentence what is wrong. Not thread-safe for {@link #close()}; the read
 * methods may be called from several threads.
 */
public final class GgufFile implements AutoCloseable {

  /** The alignment of tensor data when {@code general.alignment} is absent. */
  public static final int DEFAULT_ALIGNMENT = 32;

  /** The metadata key that overrides the alignment. */
  public static final String ALIGNMENT_KEY = "general.alignment";

  private final Path path;
  private final String source;
  private final FileChannel channel;
  private final int version;
  private final Map<String, GgufValue> metadata;
  private final List<GgufTensorInfo> tensors;
  private final Map<String, GgufTensorInfo> byName;
  private final long alignment;
  private final long dataOffset;

  private GgufFile(Path path, FileChannel channel, GgufHeader header) {
    this.path = path;
    this.source = path.toString();
    this.channel = channel;
    this.version = header.version();
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(header.metadata()));
    this.tensors = List.copyOf(header.tensors());
    Map<String, GgufTensorInfo> names = new LinkedHashMap<>();
    for (GgufTensorInfo tensor : tensors) {
      names.put(tensor.name(), tensor);
    }
    this.byName = Collections.unmodifiableMap(names);
    this.alignment = header.alignment();
    this.dataOffset = header.dataOffset();
  }

  /** Opens and parses a GGUF file; the tensor data stays on disk until asked for. */
  public static GgufFile open(Path path) {
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new InputException(path.toString(), 0, null, "cannot be opened: " + e, e);
    }
    try {
      GgufHeader header = GgufHeader.read(path.toString(), channel);
      return new GgufFile(path, channel, header);
    } catch (RuntimeException e) {
      closeQuietly(channel, e);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel channel, RuntimeException failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /** The path the file was opened from. */
  public Path path() {
    return path;
  }

  /** The GGUF version, 2 or 3. */
  public int version() {
    return version;
  }

  /** The metadata in file order (unmodifiable). */
  public Map<String, GgufValue> metadata() {
    return metadata;
  }

  /** The tensor table in file order. */
  public List<GgufTensorInfo> tensors() {
    return tensors;
  }

  /** The tensor with this name, if the file has one. */
  public Optional<GgufTensorInfo> tensor(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The tensor with this name; a file without it is an input error. */
  public GgufTensorInfo requireTensor(String name) {
    GgufTensorInfo tensor = byName.get(name);
    if (tensor == null) {
      throw problem("has no tensor \"" + name + "\"");
    }
    return tensor;
  }

  /** The alignment of the tensor data in bytes. */
  public long alignment() {
    return alignment;
  }

  /** The absolute file offset where the tensor data section starts. */
  public long dataOffset() {
    return dataOffset;
  }

  /** The metadata value under {@code key}, if present. */
  public Optional<GgufValue> value(String key) {
    return Optional.ofNullable(metadata.get(key));
  }

  /** The string under {@code key}; absent or of another type is an input error. */
  public String string(String key) {
    return optString(key).orElseThrow(() -> missing(key));
  }

  /** The string under {@code key}, if present; another type is an input error. */
  public Optional<String> optString(String key) {
    GgufValue value = metadata.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof GgufValue.Text text) {
      return Optional.of(text.value());
    }
    throw wrongType(key, value, "a STRING");
  }

  /** The integer under {@code key} (any integer type); absent or of another type is an input error. */
  public long integer(String key) {
    return optInteger(key).orElseThrow(() -> missing(key));
  }

  /** The integer under {@code key} (any integer type), if present. */
  public Optional<Long> optInteger(String key) {
    GgufValue value = metadata.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof GgufValue.Int integer) {
      return Optional.of(integer.value());
    }
    throw wrongType(key, value, "an integer");
  }

  /** The number under {@code key} (a real or an integer), if present. */
  public Optional<Double> optReal(String key) {
    GgufValue value = metadata.get(key);
    if (value == null) {
      return Optional.empty();
    }
    return switch (value) {
      case GgufValue.Real real -> Optional.of(real.value());
      case GgufValue.Int integer -> Optional.of((double) integer.value());
      default -> throw wrongType(key, value, "a number");
    };
  }

  /** The boolean under {@code key}, or {@code otherwise} when absent. */
  public boolean bool(String key, boolean otherwise) {
    GgufValue value = metadata.get(key);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof GgufValue.Bool bool) {
      return bool.value();
    }
    throw wrongType(key, value, "a BOOL");
  }

  /** The {@code general.architecture} string, e.g. {@code llama}. */
  public String architecture() {
    return string("general.architecture");
  }

  /**
   * The raw bytes of a tensor, memory-mapped read-only and little-endian; nothing is copied.
   *
   * @throws InputException when the tensor lies beyond the end of the file
   */
  public ByteBuffer tensorBytes(GgufTensorInfo tensor) {
    long size = tensor.byteSize();
    if (size > Integer.MAX_VALUE) {
      throw problem("tensor \"" + tensor.name() + "\" has " + size
          + " bytes, more than ragft can map at once (2 GiB)");
    }
    try {
      return channel.map(FileChannel.MapMode.READ_ONLY, dataOffset + tensor.offset(), size)
          .order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot map tensor \"" + tensor.name() + "\": "
          + e.getMessage(), e);
    }
  }

  /** The tensor's values as floats, in file order (row-major); see {@link #readFloats(GgufTensorInfo, FloatBuffer)}. */
  public float[] readFloats(GgufTensorInfo tensor) {
    long count = tensor.elementCount();
    if (count > Integer.MAX_VALUE - 8) {
      throw problem("tensor \"" + tensor.name() + "\" has " + count
          + " elements, too many for one Java array");
    }
    float[] values = new float[(int) count];
    readFloats(tensor, FloatBuffer.wrap(values));
    return values;
  }

  /**
   * Dequantizes the tensor's values into {@code target} (from its position on), so that a caller
   * can fill a direct buffer without a heap copy.
   *
   * @throws InputException when the tensor's type cannot be dequantized
   */
  public void readFloats(GgufTensorInfo tensor, FloatBuffer target) {
    if (!tensor.type().dequantizable()) {
      throw problem("tensor \"" + tensor.name() + "\" has type " + tensor.type()
          + ", which ragft cannot dequantize (it reads " + GgmlType.dequantizableNames() + ")");
    }
    Dequantizer.dequantize(tensor.type(), tensorBytes(tensor), tensor.elementCount(), target);
  }

  /** An input error about this file. */
  public InputException problem(String text) {
    return new InputException(source, 0, null, text);
  }

  private InputException missing(String key) {
    return new InputException(source, 0, key, "is missing from the metadata");
  }

  private InputException wrongType(String key, GgufValue value, String expected) {
    return new InputException(source, 0, key, "must be " + expected + ", but is a " + value.type());
  }

  /** Closes the file; buffers already mapped stay readable until they are collected. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot close: " + e.getMessage(), e);
    }
  }

  /** What the header says; {@link EOFException}s while reading it mean the file is truncated. */
  record GgufHeader(int version, Map<String, GgufValue> metadata, List<GgufTensorInfo> tensors,
      long alignment, long dataOffset) {

    static GgufHeader read(String source, FileChannel channel) {
      try {
        return new GgufHeaderParser(source, new ChannelInput(channel)).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
      }
    }
  }
}
