package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.common.InputProblems;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.chunk.Chunker;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.chunk.Chunkers;
import dev.ragft.rag.token.HfTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loads the real BEIR SciFact corpus from the shared test files and chunks it, checking every
 * chunk's offsets and the uniqueness of ids: the default (recursive) chunker over the whole
 * corpus, the other chunkers over its first {@value #SAMPLE} documents to keep the test short.
 * Skipped when the shared folder is absent.
 */
class ScifactCorpusIT {

  private static final int SAMPLE = 500;

  private static Path corpus() {
    String shared = System.getProperty("ragft.shared.dir");
    Path file = shared == null ? null : Path.of(shared, "datasets", "scifact", "corpus.jsonl");
    assumeTrue(file != null && Files.isRegularFile(file),
        "the shared SciFact corpus is absent (system property ragft.shared.dir = " + shared + ")");
    return file;
  }

  @Test
  void the_scifact_corpus_loads_completely_and_every_chunker_keeps_its_offsets() {
    InputProblems problems = InputProblems.collecting();
    CorpusLoader loader = new CorpusLoader(LoadConfig.of(corpus()), problems);
    List<Document> documents;
    try (Stream<Document> stream = loader.stream()) {
      documents = stream.toList();
    }
    assertThat(documents).hasSize(5183);
    assertThat(problems.total()).isZero();
    assertThat(documents.get(0).id()).isEqualTo("4983");
    assertThat(documents.get(0).title()).startsWith("Microstructural development");

    try (HfTokenizer tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL)) {
      for (ChunkerType type : ChunkerType.values()) {
        Chunker chunker = Chunkers.create(ChunkerConfig.builder().type(type).build(), tokenizer);
        List<Document> chunked = type == ChunkerConfig.DEFAULT_TYPE
            ? documents : documents.subList(0, SAMPLE);
        Set<String> ids = new HashSet<>();
        long chunks = 0;
        for (Document document : chunked) {
          for (Chunk chunk : chunker.chunk(document)) {
            assertThat(document.text().substring(chunk.start(), chunk.end()))
                .isEqualTo(chunk.text());
            assertThat(ids.add(chunk.id())).isTrue();
            chunks++;
          }
        }
        System.out.printf("SciFact, %s chunker with defaults: %d chunks from %d documents%n",
            type.id(), chunks, chunked.size());
        assertThat(chunks).isGreaterThanOrEqualTo(chunked.size());
      }
    }
  }
}
