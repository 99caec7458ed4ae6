/**
 * The BEIR benchmark layout: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}),
 * {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/<split>.tsv} (a header, then
 * query id, document id and relevance per line; {@code \r\n} endings accepted). Open a dataset with
 * {@link dev.ragft.datasets.beir.BeirDataset#open(java.nio.file.Path)}; the corpus streams, the
 * queries of a split are those with relevance judgements in it.
 */
package dev.ragft.datasets.beir;
