package dev.ragft.model.llamacpp.internal;

import dev.ragft.common.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The checks ragft makes on a GGUF file before llama.cpp sees it: {@link #check} reads only the
 * fixed 24-byte header, so that a missing file, a folder, a file that is not GGUF, a header cut
 * short or a version llama.cpp cannot read is named in one sentence before loading. Everything
 * past the header (metadata, tensors) is read by {@link dev.ragft.model.gguf.GgufFile}, after
 * llama.cpp has accepted the file, so that a file llama.cpp refuses is explained by llama.cpp's
 * own diagnosis.
 *
 * @param version the GGUF format version
 * @param tensorCount the number of tensors the header announces
 * @param metadataCount the number of metadata entries the header announces
 */
public record GgufHeader(long version, long tensorCount, long metadataCount) {

  private static final int HEADER_BYTES = 24;

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
}
