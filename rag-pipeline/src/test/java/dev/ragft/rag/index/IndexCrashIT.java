package dev.ragft.rag.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.Progress;
import dev.ragft.rag.load.CorpusLoader;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.load.LoadConfig;
import dev.ragft.rag.pipeline.IndexBuild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an indexing child JVM (SIGKILL) after it has committed twice, then checks that the index
 * opens at its last commit with no duplicate chunks, and that re-running resumes: it skips what
 * was committed and ends with every document exactly once.
 */
class IndexCrashIT {

  private static final int DOCUMENTS = 800;

  @TempDir
  Path dir;

  @Test
  void a_killed_run_leaves_the_last_commit_readable_and_resumes_without_duplicates()
      throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      lines.add("{\"_id\":\"d" + i + "\",\"title\":\"Note " + i + "\",\"text\":\"Item " + i
          + " is stored on shelf " + (i % 37) + " of aisle " + (i % 11) + ".\"}");
    }
    Files.write(corpus, lines);
    Path index = dir.resolve("index");
    Path cache = dir.resolve("cache");

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "--add-modules", "jdk.incubator.vector", "-cp",
        System.getProperty("java.class.path"), IndexingChild.class.getName(), corpus.toString(),
        index.toString(), cache.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int committedBeforeKill = 0;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int commits = 0;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committedBeforeKill = Integer.parseInt(line.substring("committed ".length()));
          if (++commits == 2) {
            child.destroyForcibly();
            break;
          }
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(committedBeforeKill).isEqualTo(40);

    Set<String> afterCrash = chunkIds(index);
    assertThat(afterCrash.size()).isBetween(40, DOCUMENTS - 1);

    IndexStats resumed;
    InputProblems problems = InputProblems.collecting();
    LoadConfig load = LoadConfig.builder(List.of(corpus)).onError(OnError.FAIL).build();
    try (Stream<Document> documents = new CorpusLoader(load, problems).stream()) {
      resumed = IndexBuild.run(IndexingChild.crashConfig(index, cache), documents.iterator(),
          problems, Progress.silent("resume"), stats -> { });
    }
    assertThat(resumed.unchanged()).isEqualTo(afterCrash.size());
    assertThat(resumed.indexed()).isEqualTo(DOCUMENTS - afterCrash.size());
    Set<String> finalIds = chunkIds(index);
    assertThat(finalIds).hasSize(DOCUMENTS);
  }

  /** Every live chunk id, failing on a duplicate. */
  private static Set<String> chunkIds(Path index) throws Exception {
    try (FSDirectory directory = FSDirectory.open(index.resolve(ChunkIndexWriter.LUCENE_DIR));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      Set<String> ids = new HashSet<>();
      StoredFields stored = reader.storedFields();
      var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          String id = stored.document(doc).get(Fields.CHUNK_ID);
          assertThat(ids.add(id)).as("duplicate chunk %s", id).isTrue();
        }
      }
      assertThat(ids).hasSize(reader.numDocs());
      return ids;
    }
  }
}
