package dev.ragft.model.llamacpp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.model.TestModels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufHeaderTest {

  @TempDir
  Path folder;

  @Test
  void reads_the_header_of_stories260k() {
    GgufHeader header = GgufHeader.check(TestModels.stories260K(), "model");

    assertThat(header).isEqualTo(new GgufHeader(3, 48, 19));
  }

  @Test
  void rejects_an_unsupported_version() throws Exception {
    byte[] header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
        .put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(1).putLong(0).putLong(0).array();
    Path old = Files.write(folder.resolve("v1.gguf"), header);

    assertThatThrownBy(() -> GgufHeader.check(old, "model")).isInstanceOf(InputException.class)
        .hasMessage(old + ": has GGUF version 1, but the bundled llama.cpp reads only versions 2"
            + " and 3");
  }

  @Test
  void rejects_a_folder() {
    assertThatThrownBy(() -> GgufHeader.check(folder, "LoRA adapter"))
        .hasMessage(folder + ": is a folder, not a GGUF LoRA adapter file");
  }

  @Test
  void an_empty_file_is_truncated() throws Exception {
    Path empty = Files.createFile(folder.resolve("empty.gguf"));

    assertThatThrownBy(() -> GgufHeader.check(empty, "model"))
        .hasMessage(empty + ": is truncated: 0 bytes is too short to hold even a GGUF header");
  }

  @Test
  void a_tiny_file_that_does_not_start_like_gguf_is_not_gguf() throws Exception {
    Path tiny = Files.writeString(folder.resolve("tiny.gguf"), "ab\n");

    assertThatThrownBy(() -> GgufHeader.check(tiny, "model"))
        .hasMessage(tiny + ": is not a GGUF model file (it starts with the bytes 61 62 0a, not"
            + " \"GGUF\")");
  }

  @Test
  void a_tiny_file_that_starts_like_gguf_is_truncated() throws Exception {
    Path tiny = Files.writeString(folder.resolve("tiny.gguf"), "GGU");

    assertThatThrownBy(() -> GgufHeader.check(tiny, "model"))
        .hasMessage(tiny + ": is truncated: 3 bytes is too short to hold even a GGUF header");
  }
}
