package dev.ragft.model.llamacpp.internal;

import dev.ragft.common.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The few checks ragft makes on a GGUF file before llama.cpp sees it, and a lookup of single
 * metadata values. This is deliberately not a GGUF parser (that lives in
 * {@code dev.ragft.model.gguf}): {@link #check} reads the fixed 24-byte header, and
 * {@link #findString}/{@link #findBool} scan the first {@value #SCAN_LIMIT} bytes, where the
 * metadata lives, for a key with its length prefix. A key is a length-prefixed byte string followed by a
 * type tag, so a false match would need that exact byte sequence inside another value.
 *
 * @param version the GGUF format version
 * @param tensorCount the number of tensors the header announces
 * @param metadataCount the number of metadata entries the header announces
 */
public record GgufHeader(long version, long tensorCount, long metadataCount) {

  /** How far into a file the metadata scan looks (64 MiB covers the largest vocabularies). */
  public static final int SCAN_LIMIT = 64 << 20;
  private static final int HEADER_BYTES = 24;
  private static final int TYPE_BOOL = 7;
  private static final int TYPE_STRING = 8;

  /**
   * Reads and checks the header, or throws an {@link InputException} naming the file and saying
   * in one sentence why llama.cpp could not use it.
   *
   * @param file the file to check
   * @param what what the file should be, for messages ({@code "model"}, {@code "LoRA adapter"})
   */
  public static GgufHeader check(Path file, String what) {
    String source = file.toString();
    if (!Files.exists(file)) {
      throw new InputException(source, 0, null, "the " + what + " file does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException(source, 0, null, "is a folder, not a GGUF " + what + " file");
    }
    byte[] bytes = new byte[HEADER_BYTES];
    int read;
    try (var in = Files.newInputStream(file)) {
      read = in.readNBytes(bytes, 0, HEADER_BYTES);
    } catch (IOException e) {
      throw new InputException(source, 0, null, "cannot be read: " + e.getMessage(), e);
    }
    byte[] magic = {'G', 'G', 'U', 'F'};
    int compared = Math.min(read, 4);
    if (!Arrays.equals(bytes, 0, compared, magic, 0, compared)) {
      throw new InputException(source, 0, null, "is not a GGUF " + what + " file (it starts with"
          + " the bytes " + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, compared)
          + ", not \"GGUF\")");
    }
    if (read < HEADER_BYTES) {
      throw new InputException(source, 0, null, "is truncated: " + read
          + " bytes is too short to hold even a GGUF header");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long version = Integer.toUnsignedLong(header.getInt(4));
    if (version != 2 && version != 3) {
      throw new InputException(source, 0, null, "has GGUF version " + version
          + ", but the bundled llama.cpp reads only versions 2 and 3");
    }
    return new GgufHeader(version, header.getLong(8), header.getLong(16));
  }

  /** The string value of a metadata key, if the key is present with a string value. */
  public static Optional<String> findString(Path file, String key) {
    return find(file, key, TYPE_STRING).map(value -> {
      long length = value.getLong();
      if (length < 0 || length > value.remaining()) {
        return null;
      }
      byte[] text = new byte[(int) length];
      value.get(text);
      return new String(text, StandardCharsets.UTF_8);
    });
  }

  /** The boolean value of a metadata key, if the key is present with a boolean value. */
  public static Optional<Boolean> findBool(Path file, String key) {
    return find(file, key, TYPE_BOOL).map(value -> value.get() != 0);
  }

  private static Optional<ByteBuffer> find(Path file, String key, int type) {
    byte[] name = key.getBytes(StandardCharsets.UTF_8);
    byte[] pattern = ByteBuffer.allocate(8 + name.length).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(name.length).put(name).array();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = Math.min(channel.size(), SCAN_LIMIT);
      MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      map.order(ByteOrder.LITTLE_ENDIAN);
      int last = (int) size - pattern.length - 4;
      for (int at = HEADER_BYTES; at <= last; at++) {
        if (matches(map, at, pattern) && map.getInt(at + pattern.length) == type) {
          int value = at + pattern.length + 4;
          return Optional.of(map.slice(value, (int) size - value).order(ByteOrder.LITTLE_ENDIAN));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static boolean matches(ByteBuffer buffer, int at, byte[] pattern) {
    for (int i = 0; i < pattern.length; i++) {
      if (buffer.get(at + i) != pattern[i]) {
        return false;
      }
    }
    return true;
  }
}
