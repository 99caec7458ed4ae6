package dev.ragft.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test models, found through {@code ragft.shared.dir}, and copies made from them. */
public final class TestModels {

  /** The size of stories260K.gguf in bytes. */
  public static final long STORIES_SIZE = 1_185_376;
  /** The SHA-256 of stories260K.gguf. */
  public static final String STORIES_SHA256 =
      "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";

  private TestModels() {
  }

  /** The shared stories260K.gguf; skips the test with the reason when it is not there. */
  public static Path stories260K() {
    String shared = System.getProperty("ragft.shared.dir");
    assumeTrue(shared != null, "system property ragft.shared.dir is not set; the build sets it"
        + " to ../shared beside the project");
    Path model = Path.of(shared, "models", "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model), "the shared test model is absent: " + model);
    return model;
  }

  /**
   * A copy of stories260K with a {@code tokenizer.chat_template} entry added to its metadata. The
   * entry is padded (inside a Jinja comment) to a multiple of 32 bytes, GGUF's alignment, so the
   * tensor data that follows stays aligned and its offsets stay valid.
   */
  public static Path storiesWithTemplate(Path folder, String template) throws IOException {
    byte[] model = Files.readAllBytes(stories260K());
    byte[] key = "tokenizer.chat_template".getBytes(StandardCharsets.UTF_8);
    // A trailing Jinja comment absorbs the padding, so the template renders exactly as given.
    int bare = 8 + key.length + 4 + 8 + template.getBytes(StandardCharsets.UTF_8).length + 4;
    String padded = template + "{#" + " ".repeat((32 - bare % 32) % 32) + "#}";
    byte[] text = padded.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(model.length + 8 + key.length + 4 + 8 + text.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(model, 0, 16);
    long count = ByteBuffer.wrap(model, 16, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    buffer.putLong(count + 1);
    buffer.putLong(key.length).put(key).putInt(8).putLong(text.length).put(text);
    buffer.put(model, 24, model.length - 24);
    Path copy = folder.resolve("stories-with-template.gguf");
    Files.write(copy, buffer.array());
    return copy;
  }

  /** A copy of stories260K cut to {@code bytes} bytes. */
  public static Path truncated(Path folder, int bytes) throws IOException {
    byte[] model = Files.readAllBytes(stories260K());
    Path copy = folder.resolve("stories-truncated.gguf");
    Files.write(copy, java.util.Arrays.copyOf(model, bytes));
    return copy;
  }

  /** A copy of stories260K whose {@code general.architecture} reads {@code zzzzz}. */
  public static Path unknownArchitecture(Path folder) throws IOException {
    byte[] model = Files.readAllBytes(stories260K());
    int key = indexOf(model, "general.architecture".getBytes(StandardCharsets.UTF_8));
    int value = key + "general.architecture".length() + 4 + 8;
    System.arraycopy("zzzzz".getBytes(StandardCharsets.UTF_8), 0, model, value, 5);
    Path copy = folder.resolve("stories-zzzzz.gguf");
    Files.write(copy, model);
    return copy;
  }

  /** A copy of stories260K whose {@code token_embd.weight} claims tensor type 99. */
  public static Path unknownTensorType(Path folder) throws IOException {
    byte[] model = Files.readAllBytes(stories260K());
    byte[] name = "token_embd.weight".getBytes(StandardCharsets.UTF_8);
    ByteBuffer info = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
    int at = indexOf(model, name) + name.length;
    int dimensions = info.getInt(at);
    info.putInt(at + 4 + 8 * dimensions, 99);
    Path copy = folder.resolve("stories-type99.gguf");
    Files.write(copy, model);
    return copy;
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("pattern not found in the test model");
  }
}
