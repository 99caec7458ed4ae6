package dev.ragft.model.gguf;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Turns tensor data of the readable {@link GgmlType}s into floats. The block layouts follow the
 * GGUF/ggml definitions ({@code ggml-quants.c}, {@code dequantize_row_*}).
 *
 * <p>Blocks of 32: Q8_0 is an F16 scale {@code d} followed by 32 signed bytes, each weight
 * {@code d·q}; Q4_0 is an F16 scale followed by 16 bytes whose low nibbles are weights 0-15 and
 * high nibbles weights 16-31, each {@code d·(q − 8)}; Q4_1 adds an F16 minimum {@code m} after
 * {@code d} and has no offset ({@code d·q + m}); Q5_0 and Q5_1 are Q4_0 and Q4_1 with a fifth bit
 * per weight in a 32-bit little-endian word before the nibbles (bit {@code j} for weight
 * {@code j}), giving {@code d·(q − 16)} and {@code d·q + m}.
 *
 * <p>The K-quants hold 256 weights per block in sub-blocks with their own scales: Q2_K has sixteen
 * bytes of 4-bit scale and 4-bit minimum, 2-bit weights and F16 {@code d} and {@code dmin} at the
 * end ({@code d·sc·q − dmin·m}); Q3_K has a high-bit mask, 2-bit weights, sixteen 6-bit scales
 * packed into 12 bytes and F16 {@code d} at the end ({@code d·(sc − 32)·(q − 4·[high bit
 * clear])}); Q4_K and Q5_K have F16 {@code d} and {@code dmin}, eight 6-bit scales and eight 6-bit
 * minimums packed into 12 bytes, then (Q5_K) a high-bit plane and 4-bit weights
 * ({@code d·sc·q − dmin·m}); Q6_K has 6-bit weights split into low nibbles and high bit pairs,
 * sixteen signed 8-bit scales and an F16 {@code d} at the end ({@code d·sc·(q − 32)}).
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
      case Q4_0 -> q4(data, count, target, false);
      case Q4_1 -> q4(data, count, target, true);
      case Q5_0 -> q5(data, count, target, false);
      case Q5_1 -> q5(data, count, target, true);
      case Q2_K -> q2k(data, count, target);
      case Q3_K -> q3k(data, count, target);
      case Q4_K -> q4k(data, count, target);
      case Q5_K -> q5k(data, count, target);
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

  /** Q4_0 ({@code d·(q − 8)}) or, with a minimum, Q4_1 ({@code d·q + m}). */
  private static void q4(ByteBuffer data, long count, FloatBuffer target, boolean withMin) {
    int bytes = withMin ? 20 : 18;
    int quants = withMin ? 4 : 2;
    float[] block = new float[32];
    for (int b = 0; b < count / 32; b++) {
      int base = b * bytes;
      float d = Float.float16ToFloat(data.getShort(base));
      float m = withMin ? Float.float16ToFloat(data.getShort(base + 2)) : 0;
      int offset = withMin ? 0 : 8;
      for (int j = 0; j < 16; j++) {
        int q = data.get(base + quants + j) & 0xFF;
        block[j] = withMin ? (q & 0x0F) * d + m : ((q & 0x0F) - offset) * d;
        block[j + 16] = withMin ? (q >>> 4) * d + m : ((q >>> 4) - offset) * d;
      }
      target.put(block);
    }
  }

  /** Q5_0 ({@code d·(q − 16)}) or, with a minimum, Q5_1 ({@code d·q + m}). */
  private static void q5(ByteBuffer data, long count, FloatBuffer target, boolean withMin) {
    int bytes = withMin ? 24 : 22;
    int high = withMin ? 4 : 2;
    float[] block = new float[32];
    for (int b = 0; b < count / 32; b++) {
      int base = b * bytes;
      float d = Float.float16ToFloat(data.getShort(base));
      float m = withMin ? Float.float16ToFloat(data.getShort(base + 2)) : 0;
      int qh = data.getInt(base + high);
      for (int j = 0; j < 16; j++) {
        int q = data.get(base + high + 4 + j) & 0xFF;
        int q0 = (q & 0x0F) | ((qh >>> j) << 4 & 0x10);
        int q1 = (q >>> 4) | ((qh >>> (j + 12)) & 0x10);
        block[j] = withMin ? q0 * d + m : (q0 - 16) * d;
        block[j + 16] = withMin ? q1 * d + m : (q1 - 16) * d;
      }
      target.put(block);
    }
  }

  private static void q2k(ByteBuffer data, long count, FloatBuffer target) {
    float[] block = new float[256];
    for (int b = 0; b < count / 256; b++) {
      int base = b * 84;
      float d = Float.float16ToFloat(data.getShort(base + 80));
      float dmin = Float.float16ToFloat(data.getShort(base + 82));
      int out = 0;
      int scale = 0;
      for (int half = 0; half < 2; half++) {
        int qs = base + 16 + 32 * half;
        for (int shift = 0; shift < 8; shift += 2) {
          for (int part = 0; part < 2; part++) {
            int sc = data.get(base + scale++) & 0xFF;
            float dl = d * (sc & 0x0F);
            float ml = dmin * (sc >>> 4);
            for (int l = 0; l < 16; l++) {
              block[out++] = dl * ((data.get(qs + 16 * part + l) & 0xFF) >>> shift & 3) - ml;
            }
          }
        }
      }
      target.put(block);
    }
  }

  private static void q3k(ByteBuffer data, long count, FloatBuffer target) {
    float[] block = new float[256];
    int[] scales = new int[16];
    for (int b = 0; b < count / 256; b++) {
      int base = b * 110;
      float d = Float.float16ToFloat(data.getShort(base + 108));
      scalesK3(data, base + 96, scales);
      int out = 0;
      int scale = 0;
      int mask = 1;
      for (int half = 0; half < 2; half++) {
        int qs = base + 32 + 32 * half;
        for (int shift = 0; shift < 8; shift += 2) {
          for (int part = 0; part < 2; part++) {
            float dl = d * (scales[scale++] - 32);
            for (int l = 0; l < 16; l++) {
              int q = (data.get(qs + 16 * part + l) & 0xFF) >>> shift & 3;
              boolean highBit = (data.get(base + 16 * part + l) & mask) != 0;
              block[out++] = dl * (q - (highBit ? 0 : 4));
            }
          }
          mask <<= 1;
        }
      }
      target.put(block);
    }
  }

  /**
   * Unpacks Q3_K's sixteen 6-bit scales from 12 bytes: the low four bits of scales 0-7 and 8-15
   * are the nibbles of bytes 0-7, their high two bits the bit pairs of bytes 8-11.
   */
  private static void scalesK3(ByteBuffer data, int at, int[] scales) {
    for (int j = 0; j < 16; j++) {
      int low = (data.get(at + (j % 8)) & 0xFF) >>> (j < 8 ? 0 : 4) & 0x0F;
      int high = (data.get(at + 8 + (j % 4)) & 0xFF) >>> (2 * (j / 4)) & 3;
      scales[j] = low | high << 4;
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

  private static void q5k(ByteBuffer data, long count, FloatBuffer target) {
    float[] block = new float[256];
    for (int b = 0; b < count / 256; b++) {
      int base = b * 176;
      float d = Float.float16ToFloat(data.getShort(base));
      float dmin = Float.float16ToFloat(data.getShort(base + 2));
      int scales = base + 4;
      int qh = base + 16;
      int qs = base + 48;
      for (int chunk = 0; chunk < 4; chunk++) {
        int sub = 2 * chunk;
        float d1 = d * scaleK4(data, scales, sub);
        float m1 = dmin * minK4(data, scales, sub);
        float d2 = d * scaleK4(data, scales, sub + 1);
        float m2 = dmin * minK4(data, scales, sub + 1);
        int bit1 = 1 << (2 * chunk);
        int bit2 = 2 << (2 * chunk);
        for (int l = 0; l < 32; l++) {
          int q = data.get(qs + 32 * chunk + l) & 0xFF;
          int h = data.get(qh + l) & 0xFF;
          block[64 * chunk + l] = d1 * ((q & 0x0F) + ((h & bit1) != 0 ? 16 : 0)) - m1;
          block[64 * chunk + 32 + l] = d2 * ((q >>> 4) + ((h & bit2) != 0 ? 16 : 0)) - m2;
        }
      }
      target.put(block);
    }
  }

  /** The 6-bit scale of sub-block {@code j} (0-7) from Q4_K's (and Q5_K's) 12 packed bytes. */
  private static int scaleK4(ByteBuffer data, int scales, int j) {
    if (j < 4) {
      return data.get(scales + j) & 63;
    }
    return (data.get(scales + j + 4) & 0x0F) | ((data.get(scales + j - 4) & 0xFF) >>> 6) << 4;
  }

  /** The 6-bit minimum of sub-block {@code j} (0-7) from Q4_K's (and Q5_K's) 12 packed bytes. */
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
