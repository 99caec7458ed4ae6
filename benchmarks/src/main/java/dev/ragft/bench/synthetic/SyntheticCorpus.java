package dev.ragft.bench.synthetic;

import dev.ragft.rag.chunk.Chunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A reproducible synthetic corpus of {@code chunks} one-chunk documents, each with a text and a
 * unit vector, and queries with both. Everything is a pure function of the seed and an index:
 * chunk {@code i} is the same on every run, whatever else was generated, so an index can be built
 * in one pass and exact answers recomputed later without storing the corpus.
 *
 * <p>Text: sentences of 8 to 20 words drawn from a {@value #VOCABULARY}-word vocabulary with
 * Zipf's law (exponent 1), 40 to 200 words per chunk (about the size of a 256-token chunk).
 * Queries: 3 to 6 words, drawn from the same law but skipping the 25 most frequent words (which
 * in real text are mostly stop words the analyzer removes). Vectors: see {@link VectorModel}. Text
 * and vectors are drawn independently: the corpus measures the cost of retrieval, not its quality.
 *
 * @param chunks the number of chunks, at least 1
 * @param seed the seed of every random stream
 * @param dimensions the vector length
 */
public record SyntheticCorpus(int chunks, long seed, int dimensions) {

  /** Changes whenever generation changes, so indexes built by an older generator are not reused. */
  public static final int GENERATOR_VERSION = 1;
  /** The default seed. */
  public static final long DEFAULT_SEED = 20_260_101L;
  /** The dimensions of bge-small-en-v1.5, the default embedding model. */
  public static final int DEFAULT_DIMENSIONS = 384;
  /** The number of distinct words. */
  public static final int VOCABULARY = 50_000;

  private static final ZipfSampler WORDS = new ZipfSampler(VOCABULARY, 1.0);
  private static final int QUERY_SKIPPED_RANKS = 25;

  /** Validates the components. */
  public SyntheticCorpus {
    if (chunks < 1) {
      throw new IllegalArgumentException("a synthetic corpus needs >= 1 chunk, but has: " + chunks);
    }
    if (dimensions < 2) {
      throw new IllegalArgumentException("vector dimensions must be >= 2, but are: " + dimensions);
    }
  }

  /** A corpus of this size with the default seed and dimensions. */
  public static SyntheticCorpus of(int chunks) {
    return new SyntheticCorpus(chunks, DEFAULT_SEED, DEFAULT_DIMENSIONS);
  }

  /** A name that identifies the generated content: size, seed, dimensions and generator. */
  public String key() {
    return "synthetic-n" + chunks + "-s" + seed + "-d" + dimensions + "-g" + GENERATOR_VERSION;
  }

  /** The document id of chunk {@code i}. */
  public static String docId(int i) {
    return "d" + i;
  }

  /** Chunk {@code i} as the index stores it: one chunk per document. */
  public Chunk chunk(int i) {
    String text = text(i);
    String docId = docId(i);
    return new Chunk(Chunk.idOf(docId, 0), docId, "v1", "synthetic", "", 0, text, 0,
        text.length(), Map.of());
  }

  /** The text of chunk {@code i}. */
  public String text(int i) {
    checkIndex(i);
    SplittableRandom random = Seeds.random(seed, Seeds.CHUNK_TEXT, i);
    int words = 40 + random.nextInt(161);
    StringBuilder text = new StringBuilder(words * 7);
    int sentence = 0;
    int sentenceLength = 8 + random.nextInt(13);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        text.append(' ');
      }
      text.append(Vocabulary.word(WORDS.sample(random)));
      if (++sentence == sentenceLength || w == words - 1) {
        text.append('.');
        sentence = 0;
        sentenceLength = 8 + random.nextInt(13);
      }
    }
    return text.toString();
  }

  /** The vector of chunk {@code i}, given the model of this corpus. */
  public float[] vector(VectorSource model, int i) {
    checkIndex(i);
    return model.model.chunk(Seeds.random(seed, Seeds.CHUNK_VECTOR, i));
  }

  /** The vector model of this corpus (cluster centres and all); build it once and reuse it. */
  public VectorSource vectors() {
    return new VectorSource(new VectorModel(seed, dimensions, chunks));
  }

  /**
   * The first {@code count} queries: distinct texts, each with its vector. Query texts are never
   * blank: every query has at least three words.
   */
  public List<SyntheticQuery> queries(int count) {
    VectorModel model = new VectorModel(seed, dimensions, chunks);
    List<SyntheticQuery> queries = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    for (long q = 0; queries.size() < count; q++) {
      SplittableRandom random = Seeds.random(seed, Seeds.QUERY_TEXT, q);
      int words = 3 + random.nextInt(4);
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        int rank;
        do {
          rank = WORDS.sample(random);
        } while (rank < QUERY_SKIPPED_RANKS);
        text.append(w == 0 ? "" : " ").append(Vocabulary.word(rank));
      }
      if (seen.add(text.toString())) {
        queries.add(new SyntheticQuery(text.toString(),
            model.query(Seeds.random(seed, Seeds.QUERY_VECTOR, q))));
      }
    }
    return queries;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= chunks) {
      throw new IndexOutOfBoundsException("chunk " + i + " of a corpus of " + chunks);
    }
  }

  /** The vector model of one corpus: its mean direction and cluster centres. */
  public static final class VectorSource {
    private final VectorModel model;

    private VectorSource(VectorModel model) {
      this.model = model;
    }

    /** The number of clusters. */
    public int clusters() {
      return model.clusters();
    }
  }
}
