/**
 * The context a setup gives the model for a case: none, retrieval over an index ({@link
 * dev.ragft.eval.context.RetrievalContext}, scored per case against the gold documents), or the
 * oracle ({@link dev.ragft.eval.context.OracleContext}, the gold documents themselves from the
 * {@link dev.ragft.eval.context.Corpus}). {@link dev.ragft.eval.context.IndexPreparer} builds an
 * index a configuration asks for, so another chunker or another embedding model is one more row
 * of the setup matrix.
 */
package dev.ragft.eval.context;
