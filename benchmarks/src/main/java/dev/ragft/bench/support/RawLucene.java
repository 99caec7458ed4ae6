package dev.ragft.bench.support;

import dev.ragft.rag.index.Analyzers;
import dev.ragft.rag.index.ChunkIndexWriter;
import dev.ragft.rag.index.Fields;
import dev.ragft.rag.index.IndexSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.QueryBuilder;

/**
 * A ragft index searched with plain Lucene, none of ragft's layers: a {@link DirectoryReader} and
 * an {@link IndexSearcher} with the index's BM25 parameters, queries built by Lucene's
 * {@link QueryBuilder}, top hits by score alone, and each hit's stored fields read as a Lucene
 * {@link Document}. What any Lucene application does at the least, so the time ragft adds on top
 * is the difference. Thread-safe.
 */
public final class RawLucene implements AutoCloseable {

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final QueryBuilder queries;

  private RawLucene(Directory directory, DirectoryReader reader, IndexSearcher searcher,
      Analyzer analyzer) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = searcher;
    this.analyzer = analyzer;
    this.queries = new QueryBuilder(analyzer);
  }

  /** Opens the Lucene files of the ragft index in {@code index}. */
  public static RawLucene open(Path index) {
    IndexSettings settings = IndexSettings.read(index);
    Directory directory = null;
    try {
      directory = FSDirectory.open(index.resolve(ChunkIndexWriter.LUCENE_DIR));
      DirectoryReader reader = DirectoryReader.open(directory);
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity(settings.k1(), settings.b()));
      return new RawLucene(directory, reader, searcher, Analyzers.create(settings.analyzer()));
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(directory);
      throw new UncheckedIOException("cannot open " + index + ": " + e.getMessage(), e);
    }
  }

  /** The searcher. */
  public IndexSearcher searcher() {
    return searcher;
  }

  /** The BM25 query of a text: one optional term clause per analyzed token, or null for none. */
  public Query bm25Query(String text) {
    return queries.createBooleanQuery(Fields.CONTENTS, text);
  }

  /** The top {@code depth} BM25 hits by score. */
  public TopDocs bm25(String text, int depth) {
    Query query = bm25Query(text);
    return query == null ? new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO),
        new ScoreDoc[0]) : search(query, depth);
  }

  /** The top {@code depth} of an HNSW search for {@code breadth} neighbours of {@code vector}. */
  public TopDocs knn(String model, float[] vector, int breadth, int depth) {
    return search(new KnnFloatVectorQuery(Fields.vector(model), vector, breadth), depth);
  }

  /** The stored fields of the hits, in order. */
  public List<Document> documents(ScoreDoc[] hits) {
    try {
      StoredFields stored = searcher.storedFields();
      List<Document> documents = new ArrayList<>(hits.length);
      for (ScoreDoc hit : hits) {
        documents.add(stored.document(hit.doc));
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TopDocs search(Query query, int depth) {
    try {
      return searcher.search(query, depth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      IOUtils.close(reader, analyzer, directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
