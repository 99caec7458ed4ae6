package dev.ragft.rag.index;

import dev.ragft.common.RagftException;
import dev.ragft.rag.chunk.Chunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * Writes chunks into a ragft index, keyed by document id. {@link #replace} swaps all chunks of a
 * document for new ones in one atomic Lucene operation, so a reader sees either the old version of
 * a document or the new one, never both. Nothing is visible to readers, or survives a crash, until
 * {@link #commit}. Not thread-safe: one writer per index, guarded by Lucene's write lock.
 */
public final class ChunkIndexWriter implements AutoCloseable {

  /** The folder inside an index directory that holds the Lucene files. */
  public static final String LUCENE_DIR = "lucene";

  private final Path directory;
  private final IndexSettings settings;
  private final Directory luceneDirectory;
  private final IndexWriter writer;

  private ChunkIndexWriter(Path directory, IndexSettings settings, Directory luceneDirectory,
      IndexWriter writer) {
    this.directory = directory;
    this.settings = settings;
    this.luceneDirectory = luceneDirectory;
    this.writer = writer;
  }

  /**
   * Opens the index in {@code directory} for writing, creating it when absent. An existing index
   * built with other settings is refused (re-chunking is allowed: documents under another chunking
   * are simply re-indexed), unless {@code rebuild} asks to start from empty.
   */
  public static ChunkIndexWriter open(Path directory, IndexSettings settings, boolean rebuild) {
    return open(directory, settings, rebuild, IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB);
  }

  /**
   * Opens the index like {@link #open(Path, IndexSettings, boolean)}, buffering up to
   * {@code ramBufferMb} megabytes of added chunks in memory before writing a segment. A bulk build
   * of a large corpus gives a large buffer (hundreds of megabytes, with the heap to hold it): fewer,
   * larger segments mean fewer merges, and every merge of HNSW segments rebuilds graph edges.
   */
  public static ChunkIndexWriter open(Path directory, IndexSettings settings, boolean rebuild,
      double ramBufferMb) {
    if (!(ramBufferMb >= 1)) {
      throw new IllegalArgumentException(
          "the RAM buffer must be at least 1 MB, but is: " + ramBufferMb);
    }
    boolean exists = Files.isRegularFile(directory.resolve(IndexSettings.FILE_NAME));
    if (exists && !rebuild) {
      IndexSettings existing = IndexSettings.read(directory);
      if (!compatible(existing, settings)) {
        throw new RagftException("the index at " + directory + " was built with other settings ("
            + "analyzer " + existing.analyzer() + ", k1 " + existing.k1() + ", b " + existing.b()
            + ", vectors " + existing.vectors() + "); rebuild it with --rebuild, or index into "
            + "another folder");
      }
    }
    Directory lucene = null;
    try {
      Files.createDirectories(directory);
      lucene = FSDirectory.open(directory.resolve(LUCENE_DIR));
      IndexWriterConfig config = new IndexWriterConfig(Analyzers.create(settings.analyzer()))
          .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE
              : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setSimilarity(new BM25Similarity(settings.k1(), settings.b()))
          .setCodec(IndexCodec.of(settings.vectors()))
          .setRAMBufferSizeMB(ramBufferMb)
          .setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(lucene, config);
      settings.write(directory);
      return new ChunkIndexWriter(directory, settings, lucene, writer);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(lucene);
      throw new RagftException("cannot open the index at " + directory + " for writing: "
          + e.getMessage(), e);
    }
  }

  private static boolean compatible(IndexSettings a, IndexSettings b) {
    return a.analyzer().equals(b.analyzer()) && a.k1() == b.k1() && a.b() == b.b()
        && a.vectors().equals(b.vectors());
  }

  /** The settings this writer writes with. */
  public IndexSettings settings() {
    return settings;
  }

  /**
   * The change key of every document in the last commit: document id to the key it was indexed
   * with. A document whose key is unchanged need not be indexed again.
   */
  public Map<String, String> committedDocKeys() {
    Map<String, String> keys = new HashMap<>();
    try {
      if (!DirectoryReader.indexExists(luceneDirectory)) {
        return keys;
      }
      try (DirectoryReader reader = DirectoryReader.open(luceneDirectory)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          SortedDocValues values = leaf.reader().getSortedDocValues(Fields.DOC_KEY);
          if (values == null) {
            continue;
          }
          Bits live = leaf.reader().getLiveDocs();
          for (int doc = values.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS;
              doc = values.nextDoc()) {
            if (live == null || live.get(doc)) {
              String docKey = values.lookupOrd(values.ordValue()).utf8ToString();
              int split = docKey.lastIndexOf('\n');
              keys.put(docKey.substring(0, split), docKey.substring(split + 1));
            }
          }
        }
      }
      return keys;
    } catch (IOException e) {
      throw new RagftException("cannot read the index at " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces every chunk of document {@code docId} with {@code chunks} (none deletes it), in one
   * atomic operation.
   *
   * @param docId the document
   * @param changeKey the document's change key, stored so that a later run can skip it
   * @param chunks the new chunks, all of {@code docId}
   * @param vectors per model name, one vector per chunk in chunk order
   */
  public void replace(String docId, String changeKey, List<Chunk> chunks,
      Map<String, float[][]> vectors) {
    if (docId.indexOf('\n') >= 0 || changeKey.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("document ids and change keys must not contain a "
          + "line break, but document '" + docId.replace("\n", "\\n") + "' does");
    }
    for (VectorFieldSettings field : settings.vectors()) {
      float[][] modelVectors = vectors.get(field.model());
      if (modelVectors == null || modelVectors.length != chunks.size()) {
        throw new IllegalArgumentException("document " + docId + " needs one " + field.model()
            + " vector per chunk (" + chunks.size() + ")");
      }
    }
    List<Document> docs = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      if (!chunk.docId().equals(docId)) {
        throw new IllegalArgumentException(
            "chunk " + chunk.id() + " belongs to document " + chunk.docId() + ", not " + docId);
      }
      Map<String, float[]> chunkVectors = new HashMap<>();
      for (VectorFieldSettings field : settings.vectors()) {
        float[] vector = vectors.get(field.model())[i];
        if (vector.length != field.dimensions()) {
          throw new IllegalArgumentException("model " + field.model() + " vectors have "
              + field.dimensions() + " dimensions, but chunk " + chunk.id() + " got "
              + vector.length);
        }
        chunkVectors.put(field.model(), vector);
      }
      docs.add(ChunkDocuments.toLucene(chunk, docId + "\n" + changeKey, chunkVectors));
    }
    try {
      writer.updateDocuments(new Term(Fields.DOC_ID, docId), docs);
    } catch (IOException e) {
      throw new RagftException("cannot index document " + docId + ": " + e.getMessage(), e);
    }
  }

  /** Deletes every chunk of a document. */
  public void delete(String docId) {
    try {
      writer.deleteDocuments(new Term(Fields.DOC_ID, docId));
    } catch (IOException e) {
      throw new RagftException("cannot delete document " + docId + ": " + e.getMessage(), e);
    }
  }

  /** Makes every change so far durable and visible, atomically. */
  public void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new RagftException("cannot commit the index at " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Closes without committing: changes since the last {@link #commit} are dropped. */
  @Override
  public void close() {
    try {
      IOUtils.close(writer, luceneDirectory);
    } catch (IOException e) {
      throw new RagftException("cannot close the index at " + directory + ": " + e.getMessage(), e);
    }
  }
}
