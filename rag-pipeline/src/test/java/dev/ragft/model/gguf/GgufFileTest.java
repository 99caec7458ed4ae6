package dev.ragft.model.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufFileTest {

  @TempDir
  Path dir;

  private Path write(GgufWriter writer, String name) {
    Path file = dir.resolve(name);
    writer.write(file);
    return file;
  }

  @Test
  void every_value_type_survives_a_write_and_read() {
    GgufWriter writer = GgufTestFiles.everyType();
    Path file = write(writer, "every.gguf");
    try (GgufFile gguf = GgufFile.open(file)) {
      assertThat(gguf.version()).isEqualTo(3);
      assertThat(gguf.metadata().keySet()).containsExactly("general.architecture", "t.uint8",
          "t.int8", "t.uint16", "t.int16", "t.uint32", "t.int32", "t.uint64", "t.int64",
          "t.float32", "t.float64", "t.bool", "t.string", "t.strings", "t.ints", "t.nested");
      assertThat(gguf.metadata().get("t.uint8")).isEqualTo(new GgufValue.Int(GgufValueType.UINT8, 255));
      assertThat(gguf.metadata().get("t.int8")).isEqualTo(new GgufValue.Int(GgufValueType.INT8, -128));
      assertThat(gguf.integer("t.uint16")).isEqualTo(65535);
      assertThat(gguf.integer("t.int16")).isEqualTo(-32768);
      assertThat(gguf.integer("t.uint32")).isEqualTo(4294967295L);
      assertThat(gguf.integer("t.int32")).isEqualTo(Integer.MIN_VALUE);
      assertThat(gguf.metadata().get("t.uint64")).isEqualTo(new GgufValue.Int(GgufValueType.UINT64, -1L));
      assertThat(gguf.integer("t.int64")).isEqualTo(Long.MIN_VALUE);
      assertThat(gguf.metadata().get("t.float32")).isEqualTo(GgufValue.float32(1.5f));
      assertThat(gguf.optReal("t.float64")).contains(Math.PI);
      assertThat(gguf.bool("t.bool", false)).isTrue();
      assertThat(gguf.string("t.string")).isEqualTo("héllo ✓");
      assertThat(gguf.metadata().get("t.strings")).isEqualTo(GgufValue.texts(List.of("a", "", "ü")));
      assertThat(gguf.metadata().get("t.ints")).isEqualTo(new GgufValue.Array(GgufValueType.INT32,
          List.of(new GgufValue.Int(GgufValueType.INT32, 1), new GgufValue.Int(GgufValueType.INT32, -2))));
      assertThat(gguf.metadata().get("t.nested")).isEqualTo(new GgufValue.Array(GgufValueType.ARRAY,
          List.of(new GgufValue.Array(GgufValueType.BOOL, List.of(new GgufValue.Bool(false))),
              new GgufValue.Array(GgufValueType.BOOL, List.of()))));
      assertThat(gguf.architecture()).isEqualTo("llama");
    }
  }

  @Test
  void tensors_dequantize_to_their_values() {
    Path file = write(GgufTestFiles.everyType(), "tensors.gguf");
    try (GgufFile gguf = GgufFile.open(file)) {
      GgufTensorInfo f32 = gguf.requireTensor("f32");
      assertThat(f32.dimensions()).containsExactly(3, 2);
      assertThat(f32.shape()).containsExactly(2, 3);
      assertThat(gguf.readFloats(f32)).containsExactly(1, 2, 3, 4, 5, -6);
      assertThat(gguf.readFloats(gguf.requireTensor("f16"))).containsExactly(0.5f, -2f, 65504f, 0f);
      assertThat(gguf.readFloats(gguf.requireTensor("bf16"))).containsExactly(3.0f, -0.15625f);
      assertThat(gguf.readFloats(gguf.requireTensor("q8_0"))).containsExactly(GgufTestFiles.q80Values());
      assertThat(gguf.readFloats(gguf.requireTensor("q4_0"))).containsExactly(GgufTestFiles.q40Values());
      assertThat(gguf.requireTensor("q8_0").byteSize()).isEqualTo(34);
    }
  }

  @Test
  void blocks_with_a_minimum_or_a_fifth_bit_dequantize_to_their_values() {
    // Weight j of a block has low nibble j % 16 (j < 16) or 15 - j % 16 (j >= 16), and, for the
    // 5-bit types, fifth bit j of the word 0xA5A50F0F.
    int fifth = 0xA5A50F0F;
    ByteBuffer q41 = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN)
        .putShort(Float.floatToFloat16(0.5f)).putShort(Float.floatToFloat16(-2f));
    ByteBuffer q50 = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN)
        .putShort(Float.floatToFloat16(0.25f)).putInt(fifth);
    ByteBuffer q51 = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
        .putShort(Float.floatToFloat16(0.125f)).putShort(Float.floatToFloat16(1f)).putInt(fifth);
    for (int j = 0; j < 16; j++) {
      byte nibbles = (byte) (j | (15 - j) << 4);
      q41.put(nibbles);
      q50.put(nibbles);
      q51.put(nibbles);
    }
    float[] expected41 = new float[32];
    float[] expected50 = new float[32];
    float[] expected51 = new float[32];
    for (int j = 0; j < 32; j++) {
      int low = j < 16 ? j : 15 - (j - 16);
      int q5 = low | (fifth >>> j & 1) << 4;
      expected41[j] = 0.5f * low - 2f;
      expected50[j] = 0.25f * (q5 - 16);
      expected51[j] = 0.125f * q5 + 1f;
    }
    Path file = write(new GgufWriter()
        .addTensor("q4_1", new long[] {32}, GgmlType.Q4_1, q41.flip())
        .addTensor("q5_0", new long[] {32}, GgmlType.Q5_0, q50.flip())
        .addTensor("q5_1", new long[] {32}, GgmlType.Q5_1, q51.flip()), "q5.gguf");
    try (GgufFile gguf = GgufFile.open(file)) {
      assertThat(gguf.readFloats(gguf.requireTensor("q4_1"))).containsExactly(expected41);
      assertThat(gguf.readFloats(gguf.requireTensor("q5_0"))).containsExactly(expected50);
      assertThat(gguf.readFloats(gguf.requireTensor("q5_1"))).containsExactly(expected51);
    }
  }

  @Test
  void tensor_data_is_aligned_to_the_default_and_to_general_alignment() throws IOException {
    Path plain = write(GgufTestFiles.everyType(), "plain.gguf");
    try (GgufFile gguf = GgufFile.open(plain)) {
      assertThat(gguf.alignment()).isEqualTo(32);
      assertThat(gguf.dataOffset() % 32).isZero();
      assertThat(gguf.tensors()).allSatisfy(t -> assertThat(t.offset() % 32).isZero());
      assertThat(gguf.tensors().get(1).offset()).isEqualTo(32);
    }
    GgufWriter writer = GgufTestFiles.everyType().put("general.alignment", GgufValue.uint32(256));
    Path wide = write(writer, "wide.gguf");
    try (GgufFile gguf = GgufFile.open(wide)) {
      assertThat(gguf.alignment()).isEqualTo(256);
      assertThat(gguf.dataOffset() % 256).isZero();
      assertThat(gguf.tensors()).extracting(GgufTensorInfo::offset)
          .containsExactly(0L, 256L, 512L, 768L, 1024L);
      assertThat(gguf.readFloats(gguf.requireTensor("q4_0"))).containsExactly(GgufTestFiles.q40Values());
    }
    assertThat(Files.size(wide)).isEqualTo(
        GgufFile.open(wide).dataOffset() + 1024 + 256);
  }

  @Test
  void the_writer_gives_identical_bytes_for_identical_calls() throws IOException {
    Path first = write(GgufTestFiles.everyType(), "a.gguf");
    Path second = write(GgufTestFiles.everyType(), "b.gguf");
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void a_rewritten_file_has_the_same_bytes() throws IOException {
    Path original = write(GgufTestFiles.everyType(), "original.gguf");
    GgufWriter copy = new GgufWriter();
    try (GgufFile gguf = GgufFile.open(original)) {
      gguf.metadata().forEach(copy::put);
      for (GgufTensorInfo tensor : gguf.tensors()) {
        copy.addTensor(tensor.name(), tensor.dimensions(), tensor.type(), gguf.tensorBytes(tensor));
      }
    }
    Path rewritten = write(copy, "rewritten.gguf");
    assertThat(Files.readAllBytes(rewritten)).isEqualTo(Files.readAllBytes(original));
  }

  @Test
  void a_file_cut_short_names_the_file_and_where_it_ends() throws IOException {
    byte[] bytes = Files.readAllBytes(write(GgufTestFiles.everyType(), "full.gguf"));
    Path tiny = dir.resolve("tiny.gguf");
    Files.write(tiny, Arrays.copyOf(bytes, 2));
    assertThatThrownBy(() -> GgufFile.open(tiny)).isInstanceOf(InputException.class)
        .hasMessage(tiny + ": is truncated: the file has 2 bytes, fewer than the 4 of the GGUF"
            + " magic number");
    Path counts = dir.resolve("counts.gguf");
    Files.write(counts, Arrays.copyOf(bytes, 60));
    assertThatThrownBy(() -> GgufFile.open(counts)).isInstanceOf(InputException.class)
        .hasMessage(counts + ": is truncated or corrupt: it claims 16 metadata entries and 5"
            + " tensors, more than its 60 bytes can hold");
    int key = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("t.string");
    int cut = key + "t.string".length() + 4 + 8 + 3;
    Path inMetadata = dir.resolve("meta.gguf");
    Files.write(inMetadata, Arrays.copyOf(bytes, cut));
    assertThatThrownBy(() -> GgufFile.open(inMetadata)).isInstanceOf(InputException.class)
        .hasMessage(inMetadata + ": is truncated: the file has " + cut + " bytes and ends inside"
            + " the value of metadata key \"t.string\"");
    Path inData = dir.resolve("data.gguf");
    Files.write(inData, Arrays.copyOf(bytes, bytes.length - 40));
    long dataOffset;
    try (GgufFile full = GgufFile.open(dir.resolve("full.gguf"))) {
      dataOffset = full.dataOffset();
    }
    assertThatThrownBy(() -> GgufFile.open(inData)).isInstanceOf(InputException.class)
        .hasMessage(inData + ": is truncated: tensor \"q4_0\" needs bytes " + (dataOffset + 160)
            + " to " + (dataOffset + 178) + ", but the file has only " + (bytes.length - 40)
            + " bytes");
  }

  @Test
  void bad_magic_version_and_byte_order_are_named() throws IOException {
    byte[] bytes = Files.readAllBytes(write(GgufTestFiles.everyType(), "good.gguf"));
    Path elf = dir.resolve("model.bin");
    byte[] notGguf = bytes.clone();
    notGguf[0] = 0x7f;
    notGguf[1] = 'E';
    notGguf[2] = 'L';
    notGguf[3] = 'F';
    Files.write(elf, notGguf);
    assertThatThrownBy(() -> GgufFile.open(elf)).isInstanceOf(InputException.class)
        .hasMessage(elf + ": is not a GGUF file: it starts with bytes 7f 45 4c 46, not \"GGUF\"");
    Path v1 = dir.resolve("v1.gguf");
    Files.write(v1, withInt(bytes, 4, 1));
    assertThatThrownBy(() -> GgufFile.open(v1)).isInstanceOf(InputException.class)
        .hasMessage(v1 + ": has GGUF version 1, which ragft cannot read (it reads versions 2 and 3)");
    Path big = dir.resolve("big.gguf");
    Files.write(big, withInt(bytes, 4, 3 << 24));
    assertThatThrownBy(() -> GgufFile.open(big)).isInstanceOf(InputException.class)
        .hasMessage(big + ": is a big-endian GGUF file, which ragft cannot read");
  }

  @Test
  void an_unknown_value_type_names_the_key() throws IOException {
    byte[] bytes = Files.readAllBytes(write(new GgufWriter()
        .put("odd", new GgufValue.Int(GgufValueType.UINT32, 7)), "odd.gguf"));
    // magic 4 + version 4 + counts 16 + key length 8 + "odd" 3 = the type id at offset 35
    Path odd = dir.resolve("odd.gguf");
    Files.write(odd, withInt(bytes, 35, 42));
    assertThatThrownBy(() -> GgufFile.open(odd)).isInstanceOf(InputException.class)
        .hasMessage(odd + ": field \"odd\" has unknown value type 42");
  }

  @Test
  void a_tensor_type_that_cannot_be_dequantized_is_named() {
    GgufWriter writer = new GgufWriter().addTensor("blk.0.ffn_up.weight", new long[] {256},
        GgmlType.IQ2_XXS, ByteBuffer.allocate(66));
    Path file = write(writer, "k.gguf");
    try (GgufFile gguf = GgufFile.open(file)) {
      GgufTensorInfo tensor = gguf.requireTensor("blk.0.ffn_up.weight");
      assertThat(gguf.tensorBytes(tensor).remaining()).isEqualTo(66);
      assertThatThrownBy(() -> gguf.readFloats(tensor)).isInstanceOf(InputException.class)
          .hasMessage(file + ": tensor \"blk.0.ffn_up.weight\" has type IQ2_XXS, which ragft"
              + " cannot dequantize (it reads F32, F16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K, Q3_K,"
              + " Q4_K, Q5_K, Q6_K, BF16)");
      assertThatThrownBy(() -> gguf.string("general.architecture")).isInstanceOf(InputException.class)
          .hasMessage(file + ": field \"general.architecture\" is missing from the metadata");
    }
  }

  private static byte[] withInt(byte[] bytes, int offset, int value) {
    byte[] copy = bytes.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    return copy;
  }
}
