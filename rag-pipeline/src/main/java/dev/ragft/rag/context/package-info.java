/**
 * Turns retrieved chunks into the context a model reads: within a token budget, without duplicate
 * or overlapping text, with neighbouring chunks of one document merged into one passage, and with
 * numbered citations {@code [1]..[n]} that map back to document ids and character offsets, so an
 * answer's citations can be checked against the exact source text.
 */
package dev.ragft.rag.context;
