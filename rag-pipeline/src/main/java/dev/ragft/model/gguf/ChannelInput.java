package dev.ragft.model.gguf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian values one after another from a file channel through a small buffer, so
 * that a header of any size is parsed without reading the whole file. Running past the end of the
 * file throws {@link EOFException}; the caller turns it into a message naming the file.
 */
final class ChannelInput {

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private final long size;
  private long bufferStart;

  ChannelInput(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
    buffer.limit(0);
  }

  /** The absolute position of the next byte to read. */
  long position() {
    return bufferStart + buffer.position();
  }

  /** The size of the file. */
  long size() {
    return size;
  }

  /** The bytes left after the current position. */
  long remaining() {
    return size - position();
  }

  private void require(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return;
    }
    long position = position();
    if (position + bytes > size) {
      throw new EOFException("needs " + bytes + " bytes at offset " + position);
    }
    buffer.compact();
    bufferStart = position;
    while (buffer.position() < bytes) {
      int read = channel.read(buffer, bufferStart + buffer.position());
      if (read < 0) {
        throw new EOFException("needs " + bytes + " bytes at offset " + position);
      }
    }
    buffer.flip();
  }

  int u8() throws IOException {
    require(1);
    return buffer.get() & 0xFF;
  }

  int i8() throws IOException {
    require(1);
    return buffer.get();
  }

  int u16() throws IOException {
    require(2);
    return buffer.getShort() & 0xFFFF;
  }

  int i16() throws IOException {
    require(2);
    return buffer.getShort();
  }

  long u32() throws IOException {
    require(4);
    return buffer.getInt() & 0xFFFF_FFFFL;
  }

  int i32() throws IOException {
    require(4);
    return buffer.getInt();
  }

  long i64() throws IOException {
    require(8);
    return buffer.getLong();
  }

  float f32() throws IOException {
    require(4);
    return buffer.getFloat();
  }

  double f64() throws IOException {
    require(8);
    return buffer.getDouble();
  }

  /** Reads {@code length} bytes, which must be UTF-8; null when they are not. */
  String utf8(long length) throws IOException {
    if (length < 0 || length > remaining() || length > Integer.MAX_VALUE - 8) {
      throw new EOFException("a string of " + Long.toUnsignedString(length)
          + " bytes at offset " + position() + " runs past the end");
    }
    byte[] bytes = new byte[(int) length];
    int done = 0;
    while (done < bytes.length) {
      int chunk = Math.min(bytes.length - done, buffer.capacity());
      require(chunk);
      buffer.get(bytes, done, chunk);
      done += chunk;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
