package dev.ragft.rag.embed;

/** How a model's token vectors become one text vector. */
public enum Pooling {
  /** The vector of the first token ({@code [CLS]}), as BGE models are trained. */
  CLS,
  /** The mean of the token vectors under the attention mask, as sentence-transformers models are. */
  MEAN
}
