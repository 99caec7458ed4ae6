package dev.ragft.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.testing.TestIndexes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * BM25's top k where ties at the cut are the rule, not the exception: short texts from a
 * vocabulary of eight words, so hundreds of documents share a score, under chunk ids in random
 * order. The pruned search for the tied documents must pick exactly what Lucene's search sorted
 * by score and chunk id picks, at every cut.
 */
class Bm25TieBreakTest {

  private static final long SEED = 20261121L;
  private static final List<String> WORDS = List.of("amber", "basalt", "cobalt", "dune",
      "ember", "fjord", "glacier", "harbor");

  @TempDir
  Path directory;

  /**
   * With ASCII ids the collector settles most ties by doc-values ordinal; with accented ids
   * ({@code é} sorts alike as UTF-8 bytes and as Java strings) it compares the ids themselves.
   */
  @ParameterizedTest
  @ValueSource(strings = {"d", "dé"})
  void the_top_k_with_ties_at_the_cut_equals_the_search_sorted_by_score_and_chunk_id(
      String prefix) throws IOException {
    System.out.println("Bm25TieBreakTest seed: " + SEED);
    Random random = new Random(SEED);
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      List<String> words = new ArrayList<>();
      for (int w = 3 + random.nextInt(3); w > 0; w--) {
        words.add(WORDS.get(random.nextInt(WORDS.size())));
      }
      String id = prefix + Integer.toString(random.nextInt(1_000_000), 36) + "-" + i;
      documents.add(Document.of(id, id + ".txt", "v1", "", String.join(" ", words) + ".",
          Map.of()));
    }
    TestIndexes.build(directory, documents, List.of(), false);
    int tiesAtTheCut = 0;
    try (CorpusIndex index = CorpusIndex.open(directory)) {
      IndexSearcher searcher = index.acquire();
      try {
        for (String text : List.of("amber", "basalt cobalt", "dune ember fjord", "glacier",
            "harbor amber amber")) {
          Query query = Bm25Retriever.bagOfWords(index.analyzer(), text);
          for (int k : List.of(1, 2, 7, 10, 33, 100, 250)) {
            ScoreDoc[] hits = searcher.search(query, k + 1).scoreDocs;
            if (hits.length > k && hits[k - 1].score == hits[k].score) {
              tiesAtTheCut++;
            }
            assertThat(Bm25Retriever.top(index, searcher, query, k)).as(text + " k=" + k)
                .hasSize(Math.min(k, hits.length))
                .isEqualTo(SortedSearch.top(searcher, query, k));
          }
        }
      } finally {
        index.release(searcher);
      }
    }
    assertThat(tiesAtTheCut).as("cuts that fall inside a tie").isGreaterThan(20);
  }
}
