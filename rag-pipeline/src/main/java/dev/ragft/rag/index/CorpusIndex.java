package dev.ragft.rag.index;

import dev.ragft.common.RagftException;
import dev.ragft.rag.chunk.Chunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * An index opened for searching: the Lucene searcher with the index's BM25 parameters, its
 * analyzer, and the stored chunks and vectors. Sees the last commit when opened; {@link #refresh}
 * moves to a newer one. Thread-safe: searches take a searcher with {@link #acquire} and give it back
 * with {@link #release}.
 */
public final class CorpusIndex implements AutoCloseable {

  private final Path directory;
  private final IndexSettings settings;
  private final Directory luceneDirectory;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final Map<IndexReader.CacheKey, ChunkIdTable> idTables = new ConcurrentHashMap<>();

  private CorpusIndex(Path directory, IndexSettings settings, Directory luceneDirectory,
      SearcherManager searchers) {
    this.directory = directory;
    this.settings = settings;
    this.luceneDirectory = luceneDirectory;
    this.searchers = searchers;
    this.analyzer = Analyzers.create(settings.analyzer());
  }

  /** Opens the index in {@code directory}; a missing or empty index is one clear error. */
  public static CorpusIndex open(Path directory) {
    IndexSettings settings = IndexSettings.read(directory);
    Path lucene = directory.resolve(ChunkIndexWriter.LUCENE_DIR);
    Directory luceneDirectory = null;
    try {
      if (!Files.isDirectory(lucene)) {
        throw new RagftException("the index at " + directory + " has no Lucene files; "
            + "build it with 'ragft index'");
      }
      luceneDirectory = FSDirectory.open(lucene);
      if (!DirectoryReader.indexExists(luceneDirectory)) {
        throw new RagftException("the index at " + directory + " has no commit yet (was its "
            + "first indexing run stopped early?); run 'ragft index' again");
      }
      BM25Similarity similarity = new BM25Similarity(settings.k1(), settings.b());
      SearcherManager searchers = new SearcherManager(luceneDirectory, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setSimilarity(similarity);
          return searcher;
        }
      });
      return new CorpusIndex(directory, settings, luceneDirectory, searchers);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(luceneDirectory);
      throw new RagftException("cannot open the index at " + directory + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      IOUtils.closeWhileHandlingException(luceneDirectory);
      throw e;
    }
  }

  /** Where the index lives. */
  public Path directory() {
    return directory;
  }

  /** What the index was built with. */
  public IndexSettings settings() {
    return settings;
  }

  /** The analyzer of the BM25 field, to analyze queries the way the text was. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** A searcher on the current commit; give it back with {@link #release}. */
  public IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new RagftException("cannot search the index at " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Gives back a searcher from {@link #acquire}. */
  public void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new RagftException("cannot release a searcher of " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Moves to the newest commit, if there is a newer one. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new RagftException("cannot refresh the index at " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The number of chunks in the current commit. */
  public int chunkCount() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  /**
   * The stored chunks of Lucene documents {@code luceneDocs} of {@code searcher}'s reader, in the
   * order given, read with one stored-fields reader, which keeps the block it decompressed last
   * (a reader per chunk decompresses a block for every chunk).
   */
  public static List<Chunk> chunks(IndexSearcher searcher, int[] luceneDocs) {
    try {
      StoredFields stored = searcher.storedFields();
      List<Chunk> chunks = new ArrayList<>(luceneDocs.length);
      for (int doc : luceneDocs) {
        chunks.add(ChunkDocuments.fromLucene(stored, doc));
      }
      return chunks;
    } catch (IOException e) {
      throw new RagftException("cannot read chunks: " + e.getMessage(), e);
    }
  }

  /** The stored chunk of Lucene document {@code luceneDoc} of {@code searcher}'s reader. */
  public static Chunk chunk(IndexSearcher searcher, int luceneDoc) {
    try {
      return ChunkDocuments.fromLucene(searcher.storedFields(), luceneDoc);
    } catch (IOException e) {
      throw new RagftException("cannot read chunk " + luceneDoc + ": " + e.getMessage(), e);
    }
  }

  /** The chunk with this id, if the index holds it. */
  public Optional<Chunk> chunk(String chunkId) {
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.CHUNK_ID, chunkId)), 1);
      return top.scoreDocs.length == 0
          ? Optional.empty() : Optional.of(chunk(searcher, top.scoreDocs[0].doc));
    } catch (IOException e) {
      throw new RagftException("cannot look up chunk " + chunkId + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /**
   * The chunk ids of Lucene documents {@code luceneDocs} of {@code searcher}'s reader, in the
   * order given, read from the chunk id's doc values: no stored fields are read, so this is far
   * cheaper than {@link #chunk(IndexSearcher, int)} when only ids are needed (to rank or fuse).
   */
  public static String[] chunkIds(IndexSearcher searcher, int[] luceneDocs) {
    Integer[] order = new Integer[luceneDocs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Doc values iterate forwards only: visit the documents in index order.
    Arrays.sort(order, Comparator.comparingInt(i -> luceneDocs[i]));
    String[] ids = new String[luceneDocs.length];
    var leaves = searcher.getIndexReader().leaves();
    try {
      LeafReaderContext leaf = null;
      SortedDocValues values = null;
      for (int i : order) {
        int doc = luceneDocs[i];
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          values = leaf.reader().getSortedDocValues(Fields.CHUNK_ID);
        }
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
          throw new RagftException("Lucene document " + doc + " has no chunk id; is this a "
              + "ragft index?");
        }
        ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
      }
      return ids;
    } catch (IOException e) {
      throw new RagftException("cannot read chunk ids: " + e.getMessage(), e);
    }
  }

  /**
   * The chunk ids of Lucene documents {@code luceneDocs} of {@code searcher}'s reader (a searcher
   * of this index), in the order given: the same as {@link #chunkIds(IndexSearcher, int[])}, but
   * from each segment's {@link #idTable id table}, so a lookup costs two array reads rather than a
   * doc-values advance and a block decompression.
   */
  public String[] chunkIdsOf(IndexSearcher searcher, int[] luceneDocs) {
    var leaves = searcher.getIndexReader().leaves();
    String[] ids = new String[luceneDocs.length];
    for (int i = 0; i < luceneDocs.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(luceneDocs[i], leaves));
      ChunkIdTable table = idTable(leaf);
      if (table == null) {
        return chunkIds(searcher, luceneDocs);
      }
      ids[i] = table.idOf(luceneDocs[i] - leaf.docBase);
    }
    return ids;
  }

  /**
   * The chunk-id table of a segment of this index, read on first use and kept while the segment
   * is open; null for a reader whose segments cannot be cached (then read the doc values).
   */
  public ChunkIdTable idTable(LeafReaderContext leaf) {
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      return null;
    }
    IndexReader.CacheKey key = helper.getKey();
    ChunkIdTable table = idTables.get(key);
    if (table == null) {
      try {
        table = ChunkIdTable.read(leaf.reader());
      } catch (IOException e) {
        throw new RagftException("cannot read chunk ids: " + e.getMessage(), e);
      } catch (IllegalStateException e) {
        throw new RagftException(e.getMessage(), e);
      }
      if (idTables.putIfAbsent(key, table) == null) {
        helper.addClosedListener(idTables::remove);
      }
    }
    return table;
  }

  /**
   * The chunks with these ids that the current commit holds, by id, all read from one searcher;
   * ids the index does not hold are absent from the map.
   */
  public Map<String, Chunk> chunks(Collection<String> chunkIds) {
    Map<String, Chunk> found = new HashMap<>();
    IndexSearcher searcher = acquire();
    try {
      StoredFields stored = searcher.storedFields();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Terms terms = leaf.reader().terms(Fields.CHUNK_ID);
        if (terms == null) {
          continue;
        }
        TermsEnum lookup = terms.iterator();
        PostingsEnum postings = null;
        Bits live = leaf.reader().getLiveDocs();
        for (String id : chunkIds) {
          if (found.containsKey(id) || !lookup.seekExact(new BytesRef(id))) {
            continue;
          }
          postings = lookup.postings(postings, PostingsEnum.NONE);
          for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS;
              doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) {
              found.put(id, ChunkDocuments.fromLucene(stored, leaf.docBase + doc));
              break;
            }
          }
        }
      }
      return found;
    } catch (IOException e) {
      throw new RagftException("cannot read chunks by id: " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /**
   * The stored vector of model {@code model} for Lucene document {@code luceneDoc} of
   * {@code searcher}'s reader, or null when that document has none.
   */
  public static float[] vector(IndexSearcher searcher, String model, int luceneDoc) {
    try {
      var leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(luceneDoc, leaves));
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.vector(model));
      if (values == null) {
        return null;
      }
      KnnVectorValues.DocIndexIterator iterator = values.iterator();
      int target = luceneDoc - leaf.docBase;
      if (iterator.advance(target) != target) {
        return null;
      }
      return values.vectorValue(iterator.index()).clone();
    } catch (IOException e) {
      throw new RagftException("cannot read the vector of chunk " + luceneDoc + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      IOUtils.close(searchers, analyzer, luceneDirectory);
    } catch (IOException e) {
      throw new RagftException("cannot close the index at " + directory + ": " + e.getMessage(), e);
    }
  }
}
