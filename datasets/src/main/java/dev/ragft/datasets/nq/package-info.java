/**
 * Natural Questions open (closed-book question answering): one JSON object per line with a
 * {@code question} and its acceptable short answers, read as failure cases by
 * {@link dev.ragft.datasets.nq.NaturalQuestionsOpen}.
 */
package dev.ragft.datasets.nq;
