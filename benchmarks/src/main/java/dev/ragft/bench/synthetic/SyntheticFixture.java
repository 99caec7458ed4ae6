package dev.ragft.bench.synthetic;

import dev.ragft.bench.support.BenchDirs;
import dev.ragft.bench.support.RawLucene;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.VectorFieldSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * What a retrieval benchmark over a synthetic corpus opens in its trial setup: the index (built on
 * first use, see {@link SyntheticIndexes}) opened both through ragft and as raw Lucene, and the
 * queries, handed out in turn so that consecutive invocations search different queries.
 */
public final class SyntheticFixture implements AutoCloseable {

  /** The number of distinct queries a benchmark cycles through. */
  public static final int QUERIES = 1000;
  /** The number of queries recall is measured over. */
  public static final int RECALL_QUERIES = 200;
  /** The number of results every benchmark asks for. */
  public static final int K = 10;

  private final SyntheticCorpus corpus;
  private final Path directory;
  private final List<SyntheticQuery> queries;
  private final CorpusIndex index;
  private final RawLucene raw;
  private int next;

  private SyntheticFixture(SyntheticCorpus corpus, Path directory, List<SyntheticQuery> queries,
      CorpusIndex index, RawLucene raw) {
    this.corpus = corpus;
    this.directory = directory;
    this.queries = queries;
    this.index = index;
    this.raw = raw;
  }

  /**
   * Opens (building first if needed) the index of a corpus of {@code chunks} chunks.
   *
   * @param chunks the corpus size
   * @param graph the HNSW settings ({@link GraphSettings}), or null for a text-only index
   */
  public static SyntheticFixture open(int chunks, String graph) {
    SyntheticCorpus corpus = SyntheticCorpus.of(chunks);
    VectorFieldSettings field = graph == null ? null
        : GraphSettings.parse(graph, corpus.dimensions());
    Path directory = SyntheticIndexes.ensure(BenchDirs.data(), corpus, field);
    CorpusIndex index = CorpusIndex.open(directory);
    try {
      return new SyntheticFixture(corpus, directory, corpus.queries(QUERIES), index,
          RawLucene.open(directory));
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** The corpus. */
  public SyntheticCorpus corpus() {
    return corpus;
  }

  /** The index folder. */
  public Path directory() {
    return directory;
  }

  /** The queries, in order. */
  public List<SyntheticQuery> queries() {
    return queries;
  }

  /** The queries recall is measured over: the first {@value #RECALL_QUERIES}. */
  public List<SyntheticQuery> recallQueries() {
    return queries.subList(0, RECALL_QUERIES);
  }

  /** The index, opened through ragft. */
  public CorpusIndex index() {
    return index;
  }

  /** The index, opened with plain Lucene. */
  public RawLucene raw() {
    return raw;
  }

  /** The next query in turn. */
  public SyntheticQuery next() {
    SyntheticQuery query = queries.get(next);
    next = next + 1 == queries.size() ? 0 : next + 1;
    return query;
  }

  /** The exact top {@value #K} chunk ids of each recall query. */
  public List<List<String>> exactTop() {
    return ExactAnswers.of(BenchDirs.data(), corpus, recallQueries(), K);
  }

  @Override
  public void close() {
    try {
      raw.close();
    } finally {
      index.close();
    }
  }
}
