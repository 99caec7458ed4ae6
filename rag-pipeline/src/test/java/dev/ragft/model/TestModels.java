package dev.ragft.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufTensorInfo;
import dev.ragft.model.gguf.GgufValue;
import dev.ragft.model.gguf.GgufWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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

  /** A copy of stories260K with a {@code tokenizer.chat_template} entry added to its metadata. */
  public static Path storiesWithTemplate(Path folder, String template) {
    Path copy = folder.resolve("stories-with-template.gguf");
    storiesCopy().put("tokenizer.chat_template", new GgufValue.Text(template)).write(copy);
    return copy;
  }

  /**
   * A writer holding all of stories260K: its metadata in file order and its tensors as stored, so
   * that a test can change an entry and write a variant.
   */
  public static GgufWriter storiesCopy() {
    GgufWriter writer = new GgufWriter();
    try (GgufFile stories = GgufFile.open(stories260K())) {
      stories.metadata().forEach(writer::put);
      for (GgufTensorInfo tensor : stories.tensors()) {
        writer.addTensor(tensor.name(), tensor.dimensions(), tensor.type(),
            stories.tensorBytes(tensor));
      }
    }
    return writer;
  }

  /** A copy of stories260K cut to {@code bytes} bytes. */
  public static Path truncated(Path folder, int bytes) throws IOException {
    byte[] model = Files.readAllBytes(stories260K());
    Path copy = folder.resolve("stories-truncated.gguf");
    Files.write(copy, Arrays.copyOf(model, bytes));
    return copy;
  }

  /** A copy of stories260K whose {@code general.architecture} reads {@code zzzzz}. */
  public static Path unknownArchitecture(Path folder) {
    Path copy = folder.resolve("stories-zzzzz.gguf");
    storiesCopy().put("general.architecture", new GgufValue.Text("zzzzz")).write(copy);
    return copy;
  }

  /**
   * A copy of stories260K whose {@code token_embd.weight} claims tensor type 99, patched in the
   * file's bytes: no writer writes a type that does not exist.
   */
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
