package dev.ragft.rag.embed;

import dev.ragft.common.Hashes;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Embedding vectors on disk, keyed by the SHA-256 of the exact model input, one append-only file
 * per model and dimension. Re-indexing text that was embedded before reads its vector back
 * instead of running the model. A torn last record (a run killed while writing) is cut off on
 * open. One process writes at a time; a second process opening the same cache gets a read-only
 * view. Thread-safe.
 *
 * <p>File layout: the 8 bytes {@code RAGFTEC1}, the dimension as a 4-byte int, then records of a
 * 32-byte key followed by the vector as little-endian floats.
 */
public final class EmbeddingCache implements AutoCloseable {

  private static final byte[] MAGIC = "RAGFTEC1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + Integer.BYTES;
  private static final int KEY = 32;

  private final Path file;
  private final int dimensions;
  private final int recordSize;
  private final FileChannel channel;
  private final FileLock lock;
  private final Map<Key, Long> offsets = new HashMap<>();
  private long end;

  private EmbeddingCache(Path file, int dimensions, FileChannel channel, FileLock lock)
      throws IOException {
    this.file = file;
    this.dimensions = dimensions;
    this.recordSize = KEY + dimensions * Float.BYTES;
    this.channel = channel;
    this.lock = lock;
    load();
  }

  /**
   * Opens (creating if needed) the cache of one model under {@code directory}.
   *
   * @param directory the cache root, for example {@code ~/.cache/ragft/embeddings}
   * @param model the model name; vectors of different models never mix
   * @param dimensions the vector length
   */
  public static EmbeddingCache open(Path directory, String model, int dimensions) {
    if (dimensions <= 0) {
      throw new IllegalArgumentException("dimensions must be > 0, but is: " + dimensions);
    }
    Path file = directory.resolve(model + "-" + dimensions + ".bin");
    try {
      Files.createDirectories(directory);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      return new EmbeddingCache(file, dimensions, channel, lock);
    } catch (IOException e) {
      throw new RagftException("cannot open the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  private void load() throws IOException {
    long size = channel.size();
    if (size == 0 && lock != null) {
      ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      header.put(MAGIC).putInt(dimensions).flip();
      channel.write(header, 0);
      size = HEADER;
    }
    if (size < HEADER) {
      throw new RagftException("embedding cache " + file + " is too short to be one; delete it");
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    channel.read(header, 0);
    header.flip();
    byte[] magic = new byte[MAGIC.length];
    header.get(magic);
    int stored = header.getInt();
    if (!java.util.Arrays.equals(magic, MAGIC) || stored != dimensions) {
      throw new RagftException("embedding cache " + file + " is not a ragft cache of "
          + dimensions + "-dimensional vectors; delete it");
    }
    long records = (size - HEADER) / recordSize;
    end = HEADER + records * recordSize;
    if (end != size && lock != null) {
      channel.truncate(end);
    }
    ByteBuffer key = ByteBuffer.allocate(KEY);
    for (long i = 0; i < records; i++) {
      long offset = HEADER + i * recordSize;
      key.clear();
      channel.read(key, offset);
      offsets.put(Key.of(key.array()), offset);
    }
  }

  /** Whether this process may add vectors (false when another process holds the cache). */
  public boolean writable() {
    return lock != null;
  }

  /** The number of vectors held. */
  public synchronized int size() {
    return offsets.size();
  }

  /** The cached vector for this exact model input, or null. */
  public float[] get(String input) {
    Long offset;
    synchronized (this) {
      offset = offsets.get(Key.of(digest(input)));
    }
    if (offset == null) {
      return null;
    }
    ByteBuffer bytes = ByteBuffer.allocate(dimensions * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    try {
      while (bytes.hasRemaining()) {
        if (channel.read(bytes, offset + KEY + bytes.position()) < 0) {
          throw new IOException("unexpected end of file");
        }
      }
    } catch (IOException e) {
      throw new RagftException("cannot read the embedding cache " + file + ": " + e.getMessage(), e);
    }
    bytes.flip();
    float[] vector = new float[dimensions];
    bytes.asFloatBuffer().get(vector);
    return vector;
  }

  /** Stores a vector for this exact model input; does nothing when read-only or already held. */
  public synchronized void put(String input, float[] vector) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException(
          "vector must have " + dimensions + " dimensions, but has: " + vector.length);
    }
    if (lock == null) {
      return;
    }
    byte[] hash = digest(input);
    Key key = Key.of(hash);
    if (offsets.containsKey(key)) {
      return;
    }
    ByteBuffer record = ByteBuffer.allocate(recordSize).order(ByteOrder.LITTLE_ENDIAN);
    record.put(hash);
    record.asFloatBuffer().put(vector);
    record.position(0).limit(recordSize);
    try {
      long offset = end;
      while (record.hasRemaining()) {
        channel.write(record, offset + record.position());
      }
      end += recordSize;
      offsets.put(key, offset);
    } catch (IOException e) {
      throw new RagftException("cannot write the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** Forces written vectors to disk. */
  public void flush() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new RagftException("cannot flush the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try (FileChannel closing = channel) {
      if (lock != null) {
        closing.force(false);
        lock.release();
      }
    } catch (IOException e) {
      throw new RagftException("cannot close the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] digest(String input) {
    return Hashes.sha256().digest(input.getBytes(StandardCharsets.UTF_8));
  }

  /** A 32-byte digest as four longs, cheap to hash and compare. */
  private record Key(long a, long b, long c, long d) {
    static Key of(byte[] digest) {
      ByteBuffer buffer = ByteBuffer.wrap(digest);
      return new Key(buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong());
    }
  }
}
