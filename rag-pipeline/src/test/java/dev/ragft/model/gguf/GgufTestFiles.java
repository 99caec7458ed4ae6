package dev.ragft.model.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Crafted GGUF contents shared by the reader and writer tests. */
final class GgufTestFiles {

  private GgufTestFiles() {
  }

  /** A writer with one metadata entry of every value type and one tensor of every readable type. */
  static GgufWriter everyType() {
    GgufWriter writer = new GgufWriter()
        .put("general.architecture", GgufValue.text("llama"))
        .put("t.uint8", new GgufValue.Int(GgufValueType.UINT8, 255))
        .put("t.int8", new GgufValue.Int(GgufValueType.INT8, -128))
        .put("t.uint16", new GgufValue.Int(GgufValueType.UINT16, 65535))
        .put("t.int16", new GgufValue.Int(GgufValueType.INT16, -32768))
        .put("t.uint32", new GgufValue.Int(GgufValueType.UINT32, 4294967295L))
        .put("t.int32", new GgufValue.Int(GgufValueType.INT32, Integer.MIN_VALUE))
        .put("t.uint64", new GgufValue.Int(GgufValueType.UINT64, -1L))
        .put("t.int64", new GgufValue.Int(GgufValueType.INT64, Long.MIN_VALUE))
        .put("t.float32", GgufValue.float32(1.5f))
        .put("t.float64", new GgufValue.Real(GgufValueType.FLOAT64, Math.PI))
        .put("t.bool", new GgufValue.Bool(true))
        .put("t.string", GgufValue.text("héllo ✓"))
        .put("t.strings", GgufValue.texts(List.of("a", "", "ü")))
        .put("t.ints", new GgufValue.Array(GgufValueType.INT32, List.of(
            new GgufValue.Int(GgufValueType.INT32, 1), new GgufValue.Int(GgufValueType.INT32, -2))))
        .put("t.nested", new GgufValue.Array(GgufValueType.ARRAY, List.of(
            new GgufValue.Array(GgufValueType.BOOL, List.of(new GgufValue.Bool(false))),
            new GgufValue.Array(GgufValueType.BOOL, List.of()))));
    writer.addF32("f32", new long[] {3, 2}, new float[] {1, 2, 3, 4, 5, -6});
    writer.addTensor("f16", new long[] {4}, GgmlType.F16, shorts(
        Float.floatToFloat16(0.5f), Float.floatToFloat16(-2f), Float.floatToFloat16(65504f),
        Float.floatToFloat16(0f)));
    writer.addTensor("bf16", new long[] {2}, GgmlType.BF16, shorts(
        (short) (Float.floatToIntBits(3.0f) >>> 16), (short) (Float.floatToIntBits(-0.15625f) >>> 16)));
    writer.addTensor("q8_0", new long[] {32}, GgmlType.Q8_0, q80Block());
    writer.addTensor("q4_0", new long[] {32}, GgmlType.Q4_0, q40Block());
    return writer;
  }

  /** A Q8_0 block with scale 0.5 and quants -16..15, i.e. values -8.0, -7.5, ..., 7.5. */
  static ByteBuffer q80Block() {
    ByteBuffer block = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
    block.putShort(Float.floatToFloat16(0.5f));
    for (int j = 0; j < 32; j++) {
      block.put((byte) (j - 16));
    }
    return block.flip();
  }

  /** The values of {@link #q80Block()}. */
  static float[] q80Values() {
    float[] values = new float[32];
    for (int j = 0; j < 32; j++) {
      values[j] = 0.5f * (j - 16);
    }
    return values;
  }

  /** A Q4_0 block with scale 0.25, low nibbles j and high nibbles 15 - j for byte j. */
  static ByteBuffer q40Block() {
    ByteBuffer block = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    block.putShort(Float.floatToFloat16(0.25f));
    for (int j = 0; j < 16; j++) {
      block.put((byte) (j | (15 - j) << 4));
    }
    return block.flip();
  }

  /** The values of {@link #q40Block()}: weight j is 0.25·(j−8), weight 16+j is 0.25·(7−j). */
  static float[] q40Values() {
    float[] values = new float[32];
    for (int j = 0; j < 16; j++) {
      values[j] = 0.25f * (j - 8);
      values[j + 16] = 0.25f * (15 - j - 8);
    }
    return values;
  }

  static ByteBuffer shorts(short... values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short value : values) {
      bytes.putShort(value);
    }
    return bytes.flip();
  }
}
