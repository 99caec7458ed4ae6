/**
 * Loading documents for retrieval. {@link dev.ragft.rag.load.CorpusLoader} walks the paths of a
 * {@link dev.ragft.rag.load.LoadConfig} and streams {@link dev.ragft.rag.load.Document}s lazily
 * from plain text, Markdown (with YAML front matter), HTML, PDF, JSON Lines and BEIR
 * {@code corpus.jsonl} files, each format chosen by file name unless one is configured. Every
 * document keeps an id, its source path, a version and metadata; ids are derived by documented
 * rules ({@code docs/loading-and-chunking.md}). Bad input — malformed lines, bytes that are not
 * UTF-8, empty or oversized documents, unreadable files — is reported through
 * {@link dev.ragft.common.InputProblems} by kind and either skipped or, for malformed records and
 * unreadable files under {@link dev.ragft.common.OnError#FAIL}, stops the load.
 */
package dev.ragft.rag.load;
