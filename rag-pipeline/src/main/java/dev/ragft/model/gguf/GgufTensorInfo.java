package dev.ragft.model.gguf;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a GGUF tensor table.
 *
 * @param name the tensor name, e.g. {@code blk.0.attn_q.weight}
 * @param dimensions the sizes in GGUF order: {@code dimensions[0]} varies fastest (the row length),
 *     the reverse of the row-major shape that PyTorch and safetensors use; copied
 * @param type the storage type
 * @param offset the byte offset of the data from the start of the data section
 */
public record GgufTensorInfo(String name, long[] dimensions, GgmlType type, long offset) {

  /** Validates the components and copies the dimensions. */
  public GgufTensorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    dimensions = dimensions.clone();
    if (dimensions.length == 0 || dimensions.length > 4) {
      throw new IllegalArgumentException(
          "tensor " + name + " must have 1 to 4 dimensions, but has " + dimensions.length);
    }
    for (long size : dimensions) {
      if (size <= 0) {
        throw new IllegalArgumentException(
            "tensor " + name + " has a dimension that is not positive: " + Arrays.toString(dimensions));
      }
    }
    if (offset < 0) {
      throw new IllegalArgumentException("tensor " + name + " has a negative offset: " + offset);
    }
  }

  /** The sizes in GGUF order (fastest first), copied. */
  @Override
  public long[] dimensions() {
    return dimensions.clone();
  }

  /** The row-major shape (slowest first), as PyTorch and safetensors write it. */
  public long[] shape() {
    long[] shape = new long[dimensions.length];
    for (int i = 0; i < dimensions.length; i++) {
      shape[i] = dimensions[dimensions.length - 1 - i];
    }
    return shape;
  }

  /** The number of elements. */
  public long elementCount() {
    long count = 1;
    for (long size : dimensions) {
      count = Math.multiplyExact(count, size);
    }
    return count;
  }

  /** The number of bytes of data. */
  public long byteSize() {
    return type.bytesFor(elementCount());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GgufTensorInfo that && name.equals(that.name)
        && Arrays.equals(dimensions, that.dimensions) && type == that.type
        && offset == that.offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(dimensions), type, offset);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(dimensions) + " " + type + " @" + offset;
  }
}
