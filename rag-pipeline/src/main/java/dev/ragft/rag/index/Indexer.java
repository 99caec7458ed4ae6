package dev.ragft.rag.index;

import dev.ragft.common.Hashes;
import dev.ragft.common.InputProblems;
import dev.ragft.common.ProblemKind;
import dev.ragft.common.Progress;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.chunk.Chunker;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.load.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Brings an index up to date with a stream of documents: chunks each new or changed document,
 * embeds its chunks with every model of the index (in batches across documents), and replaces the
 * document's chunks atomically. A document whose content and chunking are unchanged since it was
 * last committed is skipped, which is also what makes a run resumable: after a crash, the next run
 * skips everything the last commit holds and redoes only the rest. With {@code sync}, documents the
 * index holds but the input no longer has are deleted.
 */
public final class Indexer {

  /** Documents between commits, by default. */
  public static final int DEFAULT_COMMIT_EVERY = 500;
  /** Chunks embedded per model call, by default. */
  public static final int DEFAULT_EMBED_BATCH = 256;

  private final ChunkIndexWriter writer;
  private final Chunker chunker;
  private final Map<String, Embedder> embedders;
  private final int commitEvery;
  private final int embedBatch;
  private final String chunkingKey;

  /**
   * Creates an indexer.
   *
   * @param writer the index to update
   * @param chunker how documents become chunks; its description must be the settings' chunking
   * @param embedders one embedder per vector field of the index, by model name
   * @param commitEvery documents between commits, at least 1
   * @param embedBatch chunks embedded per model call, at least 1
   */
  public Indexer(ChunkIndexWriter writer, Chunker chunker, Map<String, Embedder> embedders,
      int commitEvery, int embedBatch) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.chunker = Objects.requireNonNull(chunker, "chunker");
    this.embedders = Map.copyOf(embedders);
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commit interval must be >= 1, but is: " + commitEvery);
    }
    if (embedBatch < 1) {
      throw new IllegalArgumentException("embedding batch must be >= 1, but is: " + embedBatch);
    }
    this.commitEvery = commitEvery;
    this.embedBatch = embedBatch;
    for (VectorFieldSettings field : writer.settings().vectors()) {
      Embedder embedder = embedders.get(field.model());
      if (embedder == null) {
        throw new IllegalArgumentException("the index has vectors of " + field.model()
            + ", but no embedder for it was given");
      }
      if (embedder.spec().dimensions() != field.dimensions()) {
        throw new IllegalArgumentException("embedder " + field.model() + " makes "
            + embedder.spec().dimensions() + "-dimensional vectors, but the index holds "
            + field.dimensions());
      }
    }
    if (!new TreeSet<>(embedders.keySet()).equals(new TreeSet<>(
        writer.settings().vectors().stream().map(VectorFieldSettings::model).toList()))) {
      throw new IllegalArgumentException("embedders " + new TreeSet<>(embedders.keySet())
          + " do not match the index's vector fields " + writer.settings().vectors());
    }
    this.chunkingKey = Hashes.sha256(writer.settings().chunking()).substring(0, 16);
  }

  /**
   * Indexes the documents and commits.
   *
   * @param documents the input, read once, lazily
   * @param sync whether to delete documents the index holds that the input does not
   * @param problems where duplicate document ids are reported
   * @param progress counts documents, with the chunk rate
   * @param onCommit told the running totals after each commit
   * @return what the run did
   */
  public IndexStats index(Iterator<Document> documents, boolean sync, InputProblems problems,
      Progress progress, Consumer<IndexStats> onCommit) {
    Run run = new Run(writer.committedDocKeys(), problems, progress, onCommit);
    while (documents.hasNext()) {
      run.add(documents.next());
    }
    run.flush();
    if (sync) {
      for (String docId : new TreeSet<>(run.committed.keySet())) {
        if (!run.seen.contains(docId)) {
          writer.delete(docId);
          run.deleted++;
        }
      }
    }
    run.commit();
    return run.stats();
  }

  /** The change key of a document under this indexer's chunking. */
  public String changeKey(Document document) {
    return document.contentHash() + ":" + chunkingKey;
  }

  /** The state of one indexing run. */
  private final class Run {
    final Map<String, String> committed;
    final Set<String> seen = new HashSet<>();
    final InputProblems problems;
    final Progress progress;
    final Consumer<IndexStats> onCommit;
    final List<Document> pendingDocs = new ArrayList<>();
    final List<List<Chunk>> pendingChunks = new ArrayList<>();
    int pendingChunkCount;
    long documents;
    long indexed;
    long unchanged;
    long deleted;
    long duplicates;
    long chunks;
    long commits;
    long sinceCommit;

    Run(Map<String, String> committed, InputProblems problems, Progress progress,
        Consumer<IndexStats> onCommit) {
      this.committed = committed;
      this.problems = problems;
      this.progress = progress;
      this.onCommit = onCommit;
    }

    void add(Document document) {
      documents++;
      if (!seen.add(document.id())) {
        duplicates++;
        problems.report(ProblemKind.MALFORMED_RECORD, document.source() + ": document id '"
            + document.id() + "' was already read from another file; this one is skipped");
        progress.advance(1, 0);
        return;
      }
      if (changeKey(document).equals(committed.get(document.id()))) {
        unchanged++;
        progress.advance(1, 0);
        return;
      }
      List<Chunk> documentChunks = chunker.chunk(document);
      pendingDocs.add(document);
      pendingChunks.add(documentChunks);
      pendingChunkCount += documentChunks.size();
      if (pendingChunkCount >= embedBatch) {
        flush();
      }
    }

    void flush() {
      if (pendingDocs.isEmpty()) {
        return;
      }
      List<String> texts = new ArrayList<>(pendingChunkCount);
      for (List<Chunk> documentChunks : pendingChunks) {
        for (Chunk chunk : documentChunks) {
          texts.add(ChunkText.forEmbedding(chunk));
        }
      }
      Map<String, float[][]> vectors = new HashMap<>();
      embedders.forEach((model, embedder) -> vectors.put(model, embedder.embedPassages(texts)));
      int offset = 0;
      for (int d = 0; d < pendingDocs.size(); d++) {
        Document document = pendingDocs.get(d);
        List<Chunk> documentChunks = pendingChunks.get(d);
        int count = documentChunks.size();
        if (count == 0) {
          writer.delete(document.id());
          deleted++;
        } else {
          Map<String, float[][]> documentVectors = new HashMap<>();
          for (Map.Entry<String, float[][]> entry : vectors.entrySet()) {
            float[][] slice = new float[count][];
            System.arraycopy(entry.getValue(), offset, slice, 0, count);
            documentVectors.put(entry.getKey(), slice);
          }
          writer.replace(document.id(), changeKey(document), documentChunks, documentVectors);
          indexed++;
          chunks += count;
        }
        offset += count;
        progress.advance(1, count);
        if (++sinceCommit >= commitEvery) {
          commit();
        }
      }
      pendingDocs.clear();
      pendingChunks.clear();
      pendingChunkCount = 0;
    }

    void commit() {
      writer.commit();
      commits++;
      sinceCommit = 0;
      onCommit.accept(stats());
    }

    IndexStats stats() {
      return new IndexStats(documents, indexed, unchanged, deleted, duplicates, chunks, commits);
    }
  }
}
