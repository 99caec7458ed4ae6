package dev.ragft.model.gguf;

import java.util.List;
import java.util.Objects;

/** A GGUF metadata value: an integer, a real, a boolean, a string or an array of values. */
public sealed interface GgufValue {

  /** The type the value is stored as. */
  GgufValueType type();

  /**
   * An integer of one of the eight integer types, range-checked against it; a {@code UINT64} is
   * held as the same 64 bits, so values above {@link Long#MAX_VALUE} read as negative.
   *
   * @param type the integer type
   * @param value the value
   */
  record Int(GgufValueType type, long value) implements GgufValue {
    /** Validates that the type is an integer type and the value fits it. */
    public Int {
      Objects.requireNonNull(type, "type");
      long min;
      long max;
      switch (type) {
        case UINT8 -> { min = 0; max = 0xFF; }
        case INT8 -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
        case UINT16 -> { min = 0; max = 0xFFFF; }
        case INT16 -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
        case UINT32 -> { min = 0; max = 0xFFFF_FFFFL; }
        case INT32 -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
        case UINT64, INT64 -> { min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
        default -> throw new IllegalArgumentException("an integer value cannot have type " + type);
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException(value + " does not fit a " + type);
      }
    }
  }

  /**
   * A FLOAT32 or FLOAT64 value.
   *
   * @param type the real type
   * @param value the value; a FLOAT32 is held exactly as its float
   */
  record Real(GgufValueType type, double value) implements GgufValue {
    /** Validates the type and, for FLOAT32, that the value is a float. */
    public Real {
      if (type != GgufValueType.FLOAT32 && type != GgufValueType.FLOAT64) {
        throw new IllegalArgumentException("a real value cannot have type " + type);
      }
      if (type == GgufValueType.FLOAT32 && !Double.isNaN(value) && (double) (float) value != value) {
        throw new IllegalArgumentException(value + " is not exactly a FLOAT32");
      }
    }
  }

  /**
   * A BOOL value.
   *
   * @param value the value
   */
  record Bool(boolean value) implements GgufValue {
    @Override
    public GgufValueType type() {
      return GgufValueType.BOOL;
    }
  }

  /**
   * A STRING value.
   *
   * @param value the text
   */
  record Text(String value) implements GgufValue {
    /** Validates the text. */
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public GgufValueType type() {
      return GgufValueType.STRING;
    }
  }

  /**
   * An ARRAY value whose elements all have one type (arrays of arrays are allowed).
   *
   * @param elementType the type of every element
   * @param values the elements, copied
   */
  record Array(GgufValueType elementType, List<GgufValue> values) implements GgufValue {
    /** Validates that every element has the element type, and copies the list. */
    public Array {
      Objects.requireNonNull(elementType, "elementType");
      values = List.copyOf(values);
      for (GgufValue value : values) {
        if (value.type() != elementType) {
          throw new IllegalArgumentException(
              "an array of " + elementType + " cannot hold a " + value.type());
        }
      }
    }

    @Override
    public GgufValueType type() {
      return GgufValueType.ARRAY;
    }
  }

  /** A UINT32 value. */
  static GgufValue uint32(long value) {
    return new Int(GgufValueType.UINT32, value);
  }

  /** A FLOAT32 value. */
  static GgufValue float32(float value) {
    return new Real(GgufValueType.FLOAT32, value);
  }

  /** A STRING value. */
  static GgufValue text(String value) {
    return new Text(value);
  }

  /** An array of STRING values. */
  static GgufValue texts(List<String> values) {
    return new Array(GgufValueType.STRING, values.stream().map(v -> (GgufValue) new Text(v)).toList());
  }
}
