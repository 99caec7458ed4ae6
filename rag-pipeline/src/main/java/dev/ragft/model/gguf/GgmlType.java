package dev.ragft.model.gguf;

/**
 * The storage type of a GGUF tensor (ggml's {@code ggml_type}): its id in the file, how many
 * elements one block holds and how many bytes one block takes. Only the types for which {@link
 * #dequantizable()} is true can be read as floats; the others are known so that their sizes can be
 * checked and their names given in messages.
 */
public enum GgmlType {
  /** 32-bit float. */
  F32(0, 1, 4, true),
  /** 16-bit IEEE half float. */
  F16(1, 1, 2, true),
  /** 32 weights: one F16 scale and 32 4-bit values offset by 8. */
  Q4_0(2, 32, 18, true),
  /** 32 weights: F16 scale and minimum, 32 4-bit values ({@code d·q + m}). */
  Q4_1(3, 32, 20, true),
  /** 32 weights: F16 scale, 32 high bits, 32 low nibbles ({@code d·(q − 16)}). */
  Q5_0(6, 32, 22, true),
  /** 32 weights: F16 scale and minimum, 32 high bits, 32 low nibbles ({@code d·q + m}). */
  Q5_1(7, 32, 24, true),
  /** 32 weights: one F16 scale and 32 signed 8-bit values. */
  Q8_0(8, 32, 34, true),
  /** 32 weights: F16 scale and sum, 8-bit values. */
  Q8_1(9, 32, 36, false),
  /** K-quant, 2 bits. */
  Q2_K(10, 256, 84, true),
  /** K-quant, 3 bits. */
  Q3_K(11, 256, 110, true),
  /** K-quant, 4 bits. */
  Q4_K(12, 256, 144, true),
  /** K-quant, 5 bits. */
  Q5_K(13, 256, 176, true),
  /** K-quant, 6 bits. */
  Q6_K(14, 256, 210, true),
  /** K-quant, 8 bits. */
  Q8_K(15, 256, 292, false),
  /** I-quant. */
  IQ2_XXS(16, 256, 66, false),
  /** I-quant. */
  IQ2_XS(17, 256, 74, false),
  /** I-quant. */
  IQ3_XXS(18, 256, 98, false),
  /** I-quant. */
  IQ1_S(19, 256, 50, false),
  /** I-quant. */
  IQ4_NL(20, 32, 18, false),
  /** I-quant. */
  IQ3_S(21, 256, 110, false),
  /** I-quant. */
  IQ2_S(22, 256, 82, false),
  /** I-quant. */
  IQ4_XS(23, 256, 136, false),
  /** 8-bit integer. */
  I8(24, 1, 1, false),
  /** 16-bit integer. */
  I16(25, 1, 2, false),
  /** 32-bit integer. */
  I32(26, 1, 4, false),
  /** 64-bit integer. */
  I64(27, 1, 8, false),
  /** 64-bit float. */
  F64(28, 1, 8, false),
  /** I-quant. */
  IQ1_M(29, 256, 56, false),
  /** bfloat16. */
  BF16(30, 1, 2, true),
  /** Ternary quant. */
  TQ1_0(34, 256, 54, false),
  /** Ternary quant. */
  TQ2_0(35, 256, 66, false),
  /** Microscaling FP4. */
  MXFP4(39, 32, 17, false);

  private final int id;
  private final int blockSize;
  private final int blockBytes;
  private final boolean dequantizable;

  GgmlType(int id, int blockSize, int blockBytes, boolean dequantizable) {
    this.id = id;
    this.blockSize = blockSize;
    this.blockBytes = blockBytes;
    this.dequantizable = dequantizable;
  }

  /** The id stored in the file. */
  public int id() {
    return id;
  }

  /** How many elements one block holds. */
  public int blockSize() {
    return blockSize;
  }

  /** How many bytes one block takes. */
  public int blockBytes() {
    return blockBytes;
  }

  /** Whether {@link GgufFile#readFloats} can turn tensors of this type into floats. */
  public boolean dequantizable() {
    return dequantizable;
  }

  /** The bytes that {@code elements} elements take; the count must be a whole number of blocks. */
  public long bytesFor(long elements) {
    if (elements % blockSize != 0) {
      throw new IllegalArgumentException(
          elements + " elements are not a whole number of " + name() + " blocks of " + blockSize);
    }
    return elements / blockSize * blockBytes;
  }

  /** The type with this id, or null when the id is unknown. */
  public static GgmlType byId(long id) {
    for (GgmlType type : values()) {
      if (type.id == id) {
        return type;
      }
    }
    return null;
  }

  /** The names of the types that can be read as floats, for messages. */
  public static String dequantizableNames() {
    StringBuilder names = new StringBuilder();
    for (GgmlType type : values()) {
      if (type.dequantizable) {
        names.append(names.isEmpty() ? "" : ", ").append(type.name());
      }
    }
    return names.toString();
  }
}
