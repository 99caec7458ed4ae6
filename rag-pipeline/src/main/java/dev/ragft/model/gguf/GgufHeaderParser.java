package dev.ragft.model.gguf;

import dev.ragft.common.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the header of a GGUF file: magic, version, metadata, tensor table, alignment. */
final class GgufHeaderParser {

  static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian int

  private final String source;
  private final ChannelInput in;
  private String where = "the magic number";

  GgufHeaderParser(String source, ChannelInput in) {
    this.source = source;
    this.in = in;
  }

  GgufFile.GgufHeader parse() throws IOException {
    try {
      return parseOrThrow();
    } catch (EOFException e) {
      throw problem("is truncated: the file has " + in.size() + " bytes and ends inside "
          + where, e);
    }
  }

  private GgufFile.GgufHeader parseOrThrow() throws IOException {
    if (in.size() < 4) {
      throw problem("is truncated: the file has " + in.size()
          + " bytes, fewer than the 4 of the GGUF magic number", null);
    }
    int magic = in.i32();
    if (magic != MAGIC) {
      throw problem(String.format("is not a GGUF file: it starts with bytes %02x %02x %02x %02x,"
          + " not \"GGUF\"", magic & 0xFF, magic >>> 8 & 0xFF, magic >>> 16 & 0xFF,
          magic >>> 24 & 0xFF), null);
    }
    where = "the version";
    long version = in.u32();
    if (version != 2 && version != 3) {
      if ((version & 0xFFFF) == 0 && version != 0) {
        throw problem("is a big-endian GGUF file, which ragft cannot read", null);
      }
      throw problem("has GGUF version " + version
          + ", which ragft cannot read (it reads versions 2 and 3)", null);
    }
    where = "the tensor and metadata counts";
    long tensorCount = in.i64();
    long kvCount = in.i64();
    // Each metadata entry takes at least 12 bytes and each tensor entry at least 28.
    if (kvCount < 0 || tensorCount < 0 || kvCount > in.remaining() / 12
        || tensorCount > in.remaining() / 28) {
      throw problem("is truncated or corrupt: it claims " + Long.toUnsignedString(kvCount)
          + " metadata entries and " + Long.toUnsignedString(tensorCount)
          + " tensors, more than its " + in.size() + " bytes can hold", null);
    }
    Map<String, GgufValue> metadata = new LinkedHashMap<>();
    for (long i = 0; i < kvCount; i++) {
      where = "metadata entry " + (i + 1) + " of " + kvCount;
      String key = string();
      where = "the value of metadata key \"" + key + "\"";
      long typeId = in.u32();
      GgufValueType type = GgufValueType.byId(typeId);
      if (type == null) {
        throw new InputException(source, 0, key, "has unknown value type " + typeId);
      }
      if (metadata.put(key, value(key, type)) != null) {
        throw new InputException(source, 0, key, "appears twice in the metadata");
      }
    }
    long alignment = GgufFile.DEFAULT_ALIGNMENT;
    GgufValue alignmentValue = metadata.get(GgufFile.ALIGNMENT_KEY);
    if (alignmentValue != null) {
      if (!(alignmentValue instanceof GgufValue.Int integer) || integer.value() <= 0
          || Long.bitCount(integer.value()) != 1) {
        throw new InputException(source, 0, GgufFile.ALIGNMENT_KEY,
            "must be a positive power of two, but is " + alignmentValue);
      }
      alignment = integer.value();
    }
    List<GgufTensorInfo> tensors = new ArrayList<>();
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (long i = 0; i < tensorCount; i++) {
      where = "tensor entry " + (i + 1) + " of " + tensorCount;
      tensors.add(tensorInfo(alignment, names));
    }
    where = "the padding before the tensor data";
    long dataOffset = (in.position() + alignment - 1) / alignment * alignment;
    for (GgufTensorInfo tensor : tensors) {
      long end = dataOffset + tensor.offset() + tensor.byteSize();
      if (end > in.size() || end < 0) {
        throw problem("is truncated: tensor \"" + tensor.name() + "\" needs bytes "
            + (dataOffset + tensor.offset()) + " to " + end + ", but the file has only "
            + in.size() + " bytes", null);
      }
    }
    return new GgufFile.GgufHeader((int) version, metadata, tensors, alignment, dataOffset);
  }

  private GgufTensorInfo tensorInfo(long alignment, Map<String, Boolean> names)
      throws IOException {
    String name = string();
    where = "the entry of tensor \"" + name + "\"";
    long dimensionCount = in.u32();
    if (dimensionCount < 1 || dimensionCount > 4) {
      throw problem("is corrupt: tensor \"" + name + "\" has " + dimensionCount
          + " dimensions (GGUF allows 1 to 4)", null);
    }
    long[] dimensions = new long[(int) dimensionCount];
    long elements = 1;
    for (int d = 0; d < dimensions.length; d++) {
      dimensions[d] = in.i64();
      if (dimensions[d] <= 0) {
        throw problem("is corrupt: tensor \"" + name + "\" has dimension "
            + Long.toUnsignedString(dimensions[d]), null);
      }
      elements = multiply(elements, dimensions[d], name);
    }
    long typeId = in.u32();
    GgmlType type = GgmlType.byId(typeId);
    if (type == null) {
      throw problem("has tensor \"" + name + "\" of unknown type id " + typeId, null);
    }
    if (dimensions[0] % type.blockSize() != 0) {
      throw problem("is corrupt: tensor \"" + name + "\" has rows of " + dimensions[0]
          + " elements, not a multiple of the " + type + " block size " + type.blockSize(), null);
    }
    long offset = in.i64();
    if (offset < 0 || offset % alignment != 0) {
      throw problem("is corrupt: tensor \"" + name + "\" starts at offset "
          + Long.toUnsignedString(offset) + ", which is not a multiple of the alignment "
          + alignment, null);
    }
    if (names.put(name, Boolean.TRUE) != null) {
      throw problem("has tensor \"" + name + "\" twice", null);
    }
    return new GgufTensorInfo(name, dimensions, type, offset);
  }

  private long multiply(long a, long b, String name) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw problem("is corrupt: tensor \"" + name + "\" has more elements than fit 64 bits", e);
    }
  }

  private GgufValue value(String key, GgufValueType type) throws IOException {
    return switch (type) {
      case UINT8 -> new GgufValue.Int(type, in.u8());
      case INT8 -> new GgufValue.Int(type, in.i8());
      case UINT16 -> new GgufValue.Int(type, in.u16());
      case INT16 -> new GgufValue.Int(type, in.i16());
      case UINT32 -> new GgufValue.Int(type, in.u32());
      case INT32 -> new GgufValue.Int(type, in.i32());
      case UINT64, INT64 -> new GgufValue.Int(type, in.i64());
      case FLOAT32 -> new GgufValue.Real(type, in.f32());
      case FLOAT64 -> new GgufValue.Real(type, in.f64());
      case BOOL -> bool(key);
      case STRING -> new GgufValue.Text(string());
      case ARRAY -> array(key);
    };
  }

  private GgufValue bool(String key) throws IOException {
    int b = in.u8();
    if (b > 1) {
      throw new InputException(source, 0, key, "is a BOOL stored as " + b + ", not 0 or 1");
    }
    return new GgufValue.Bool(b == 1);
  }

  private GgufValue array(String key) throws IOException {
    long typeId = in.u32();
    GgufValueType elementType = GgufValueType.byId(typeId);
    if (elementType == null) {
      throw new InputException(source, 0, key, "is an array of unknown value type " + typeId);
    }
    long count = in.i64();
    long minimum = elementType.size() > 0 ? elementType.size() : 8;
    if (count < 0 || count > in.remaining() / minimum) {
      throw problem("is truncated: metadata key \"" + key + "\" claims "
          + Long.toUnsignedString(count) + " array elements, more than the rest of its "
          + in.size() + " bytes can hold", null);
    }
    List<GgufValue> values = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      values.add(value(key, elementType));
    }
    return new GgufValue.Array(elementType, values);
  }

  private String string() throws IOException {
    long length = in.i64();
    String text = in.utf8(length);
    if (text == null) {
      throw problem("is corrupt: a string in " + where + " is not valid UTF-8", null);
    }
    return text;
  }

  private InputException problem(String text, Throwable cause) {
    return new InputException(source, 0, null, text, cause);
  }
}
