package dev.ragft.model.gguf;

/** The type of a GGUF metadata value, with the id the file stores for it. */
public enum GgufValueType {
  /** Unsigned 8-bit integer. */
  UINT8(0, 1),
  /** Signed 8-bit integer. */
  INT8(1, 1),
  /** Unsigned 16-bit integer. */
  UINT16(2, 2),
  /** Signed 16-bit integer. */
  INT16(3, 2),
  /** Unsigned 32-bit integer. */
  UINT32(4, 4),
  /** Signed 32-bit integer. */
  INT32(5, 4),
  /** IEEE 754 single precision. */
  FLOAT32(6, 4),
  /** One byte, 0 or 1. */
  BOOL(7, 1),
  /** UTF-8 text with a 64-bit length prefix. */
  STRING(8, -1),
  /** A typed array with a 64-bit count. */
  ARRAY(9, -1),
  /** Unsigned 64-bit integer (held as the same 64 bits in a {@code long}). */
  UINT64(10, 8),
  /** Signed 64-bit integer. */
  INT64(11, 8),
  /** IEEE 754 double precision. */
  FLOAT64(12, 8);

  private final int id;
  private final int size;

  GgufValueType(int id, int size) {
    this.id = id;
    this.size = size;
  }

  /** The id stored in the file. */
  public int id() {
    return id;
  }

  /** The size in bytes of one value, or -1 for strings and arrays, whose size varies. */
  public int size() {
    return size;
  }

  /** Whether values of this type are integers. */
  public boolean isInteger() {
    return switch (this) {
      case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> true;
      default -> false;
    };
  }

  /** The type with this id, or null when the id is unknown. */
  public static GgufValueType byId(long id) {
    for (GgufValueType type : values()) {
      if (type.id == id) {
        return type;
      }
    }
    return null;
  }
}
