package dev.ragft.model.gguf;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Turns tensor data of the readable {@link GgmlType}s into floats. The block layouts follow the
 * GGUF/ggml definitions: Q8_0 is an F16 scale {@code d} followed by 32 signed bytes, each weight
 * {@code d * q}; Q4_0 is an F16 scale followed by 16 bytes whose low nibbles are weights 0-15 and
 * high nibbles weights 16-31, each {@code d * (q - 8)}.
 */
final class Dequantizer {

  private Dequantizer() {
  }

  static void dequantize(GgmlType type, ByteBuffer data, long count, FloatBuffer target) {
    if (target.remaining() < count) {
      throw new IllegalArgumentException("the target has room for " + target.remaining()
          + " floats, but the tensor has " + count);
    }
    switch (type) {
      case F32 -> target.put(data.duplicate().order(data.order()).asFloatBuffer().limit((int) count));
      case F16 -> {
        for (int i = 0; i < count; i++) {
          target.put(Float.float16ToFloat(data.getShort(2 * i)));
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++) {
          target.put(Float.intBitsToFloat((data.getShort(2 * i) & 0xFFFF) << 16));
        }
      }
      case Q8_0 -> q80(data, count, target);
      case Q4_0 -> q40(data, count, target);
      default -> throw new IllegalArgumentException(type + " cannot be dequantized");
    }
  }

  private static void q80(ByteBuffer data, long count, FloatBuffer target) {
    long blocks = count / 32;
    for (int b = 0; b < blocks; b++) {
      int base = b * 34;
      float d = Float.float16ToFloat(data.getShort(base));
      for (int j = 0; j < 32; j++) {
        target.put(d * data.get(base + 2 + j));
      }
    }
  }

  private static void q40(ByteBuffer data, long count, FloatBuffer target) {
    long blocks = count / 32;
    float[] block = new float[32];
    for (int b = 0; b < blocks; b++) {
      int base = b * 18;
      float d = Float.float16ToFloat(data.getShort(base));
      for (int j = 0; j < 16; j++) {
        int q = data.get(base + 2 + j) & 0xFF;
        block[j] = d * ((q & 0x0F) - 8);
        block[j + 16] = d * ((q >>> 4) - 8);
      }
      target.put(block);
    }
  }
}
