package dev.ragft.rag.index;

/** How the vectors of an HNSW field are stored. */
public enum Quantization {
  /** 32-bit floats: exact scores, four bytes per dimension. */
  NONE,
  /** Scalar-quantized to 8 bits (one byte per dimension), re-scored from floats. */
  INT8,
  /** Scalar-quantized to 7 bits. */
  INT7,
  /** Scalar-quantized to 4 bits (half a byte per dimension). */
  INT4
}
