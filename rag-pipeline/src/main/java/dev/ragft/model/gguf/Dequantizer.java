package dev.ragft.model.gguf;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Turns tensor data of the readable {@link GgmlType}s into floats. The block layouts follow the
 * GGUF/ggml definitions: Q8_0 is an F16 scale {@code d} followed by 32 signed bytes, each weight
 * {@code d * q}; Q4_0 is an F16 scale followed by 16 bytes whose low nibbles are weights 0-15 and
 * high nibbles weights 16-31, each {@code d * (q - 8)}. The K-quants hold 256 weights per block in
 * sub-blocks with their own scales: Q4_K has F16 {@code d} and {@code dmin}, eight 6-bit scales and
 * eight 6-bit minimums packed into 12 bytes, and 4-bit weights ({@code d·sc·q − dmin·m}); Q6_K has
 * 6-bit weights split into low nibbles and high bit pairs, sixteen signed 8-bit scales and an F16
 * {@code d} at the end ({@code d·sc·(q − 32)}).
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
      case Q4_K -> q4k(data, count, target);
      case Q6_K -> q6k(data, count, target);
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

  private static void q4k(ByteBuffer data, long count, FloatBuffer target) {
    float[] block = new float[256];
    for (int b = 0; b < count / 256; b++) {
      int base = b * 144;
      float d = Float.float16ToFloat(data.getShort(base));
      float dmin = Float.float16ToFloat(data.getShort(base + 2));
      int scales = base + 4;
      int qs = base + 16;
      for (int chunk = 0; chunk < 4; chunk++) {
        int sub = 2 * chunk;
        float d1 = d * scaleK4(data, scales, sub);
        float m1 = dmin * minK4(data, scales, sub);
        float d2 = d * scaleK4(data, scales, sub + 1);
        float m2 = dmin * minK4(data, scales, sub + 1);
        for (int l = 0; l < 32; l++) {
          int q = data.get(qs + 32 * chunk + l) & 0xFF;
          block[64 * chunk + l] = d1 * (q & 0x0F) - m1;
          block[64 * chunk + 32 + l] = d2 * (q >>> 4) - m2;
        }
      }
      target.put(block);
    }
  }

  /** The 6-bit scale of sub-block {@code j} (0-7) from Q4_K's 12 packed bytes. */
  private static int scaleK4(ByteBuffer data, int scales, int j) {
    if (j < 4) {
      return data.get(scales + j) & 63;
    }
    return (data.get(scales + j + 4) & 0x0F) | ((data.get(scales + j - 4) & 0xFF) >>> 6) << 4;
  }

  /** The 6-bit minimum of sub-block {@code j} (0-7) from Q4_K's 12 packed bytes. */
  private static int minK4(ByteBuffer data, int scales, int j) {
    if (j < 4) {
      return data.get(scales + j + 4) & 63;
    }
    return ((data.get(scales + j + 4) & 0xFF) >>> 4) | ((data.get(scales + j) & 0xFF) >>> 6) << 4;
  }

  private static void q6k(ByteBuffer data, long count, FloatBuffer target) {
    float[] block = new float[256];
    for (int b = 0; b < count / 256; b++) {
      int base = b * 210;
      float d = Float.float16ToFloat(data.getShort(base + 208));
      for (int half = 0; half < 2; half++) {
        int ql = base + 64 * half;
        int qh = base + 128 + 32 * half;
        int sc = base + 192 + 8 * half;
        for (int l = 0; l < 32; l++) {
          int is = l / 16;
          int low0 = data.get(ql + l) & 0xFF;
          int low1 = data.get(ql + l + 32) & 0xFF;
          int high = data.get(qh + l) & 0xFF;
          int q1 = ((low0 & 0x0F) | (high & 3) << 4) - 32;
          int q2 = ((low1 & 0x0F) | (high >>> 2 & 3) << 4) - 32;
          int q3 = ((low0 >>> 4) | (high >>> 4 & 3) << 4) - 32;
          int q4 = ((low1 >>> 4) | (high >>> 6 & 3) << 4) - 32;
          int out = 128 * half + l;
          block[out] = d * data.get(sc + is) * q1;
          block[out + 32] = d * data.get(sc + is + 2) * q2;
          block[out + 64] = d * data.get(sc + is + 4) * q3;
          block[out + 96] = d * data.get(sc + is + 6) * q4;
        }
      }
      target.put(block);
    }
  }
}
