package dev.ragft.rag.rerank;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes small ONNX models for tests, encoding the ONNX protobuf messages by hand (field numbers
 * from onnx.proto). The one model here has a cross-encoder's inputs and output shape and a score
 * anyone can compute: the number of tokens of the second segment (the passage), that is
 * {@code sum(attention_mask * token_type_ids)} per row, as a {@code [batch, 1]} float logit.
 */
final class TinyOnnxModels {

  private static final int FLOAT = 1;
  private static final int INT64 = 7;

  private TinyOnnxModels() {
  }

  /** The passage-length cross-encoder. */
  static byte[] passageLengthCrossEncoder() {
    Proto graph = new Proto()
        .message(1, node("Mul", "mul", new String[] {"attention_mask", "token_type_ids"}, "masked"))
        .message(1, node("Cast", "cast", new String[] {"masked"}, "masked_float")
            .message(5, new Proto().string(1, "to").varint(3, FLOAT).varint(20, 2)))
        .message(1, node("ReduceSum", "sum", new String[] {"masked_float", "axes"}, "logits")
            .message(5, new Proto().string(1, "keepdims").varint(3, 1).varint(20, 2)))
        .string(2, "passage_length")
        .message(5, new Proto().varint(1, 1).varint(2, INT64).varint(7, 1).string(8, "axes"))
        .message(11, tensorInfo("input_ids", INT64, "batch", "sequence"))
        .message(11, tensorInfo("attention_mask", INT64, "batch", "sequence"))
        .message(11, tensorInfo("token_type_ids", INT64, "batch", "sequence"))
        .message(12, tensorInfo("logits", FLOAT, "batch", "1"));
    return new Proto()
        .varint(1, 8)
        .string(2, "ragft-tests")
        .message(7, graph)
        .message(8, new Proto().string(1, "").varint(2, 13))
        .bytes();
  }

  private static Proto node(String op, String name, String[] inputs, String output) {
    Proto node = new Proto();
    for (String input : inputs) {
      node.string(1, input);
    }
    return node.string(2, output).string(3, name).string(4, op);
  }

  private static Proto tensorInfo(String name, int type, String... dims) {
    Proto shape = new Proto();
    for (String dim : dims) {
      shape.message(1, dim.chars().allMatch(Character::isDigit)
          ? new Proto().varint(1, Long.parseLong(dim)) : new Proto().string(2, dim));
    }
    Proto tensor = new Proto().varint(1, type).message(2, shape);
    return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
  }

  /** A protobuf message being written. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
      key(field, 0);
      raw(value);
      return this;
    }

    Proto string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto message) {
      return bytes(field, message.bytes());
    }

    private Proto bytes(int field, byte[] value) {
      key(field, 2);
      raw(value.length);
      out.writeBytes(value);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private void key(int field, int wireType) {
      raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) ((value & 0x7F) | 0x80));
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}
