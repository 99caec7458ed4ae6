package dev.ragft.bench;

/**
 * The JVM options of every benchmark fork, as constants for {@code @Fork(jvmArgsAppend = ...)}.
 */
final class Jvm {

  /** Lucene's vectorized (SIMD) vector scoring needs the incubating Vector API. */
  static final String VECTOR_API = "--add-modules=jdk.incubator.vector";
  /** ONNX Runtime and the tokenizers load native code. */
  static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
  /** Room for a 1M-chunk corpus's vectors on the heap and a bulk build's indexing buffer. */
  static final String HEAP = "-Xmx6g";
  /** A fixed heap, so heap resizing does not show up in the timings. */
  static final String HEAP_START = "-Xms6g";

  private Jvm() {
  }
}
