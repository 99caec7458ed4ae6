package dev.ragft.bench.synthetic;

import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact top {@code k} chunk ids of a corpus's first queries, by scanning every vector
 * ({@link FlatVectors}), kept in a file beside the corpus's indexes so that each corpus is scanned
 * once, whatever the number of configurations measured against it.
 */
public final class ExactAnswers {

  private ExactAnswers() {
  }

  /**
   * The exact top {@code k} chunk ids of each query, best first.
   *
   * @param base the folder of benchmark data
   * @param corpus the corpus
   * @param queries the queries, in order (the file is keyed by their count)
   * @param k the cutoff
   */
  public static List<List<String>> of(Path base, SyntheticCorpus corpus,
      List<SyntheticQuery> queries, int k) {
    Path file = base.resolve(corpus.key() + "-exact-q" + queries.size() + "-k" + k + ".txt");
    try {
      if (Files.isRegularFile(file)) {
        List<List<String>> answers = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          answers.add(List.of(line.split(" ")));
        }
        if (answers.size() == queries.size()) {
          return answers;
        }
      }
      List<List<String>> answers = compute(corpus, queries, k);
      StringBuilder text = new StringBuilder();
      for (List<String> ids : answers) {
        text.append(String.join(" ", ids)).append('\n');
      }
      Files.createDirectories(base);
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return answers;
    } catch (IOException e) {
      throw new RagftException("cannot keep exact answers in " + file + ": " + e.getMessage(), e);
    }
  }

  /** The exact answers, computed now. */
  public static List<List<String>> compute(SyntheticCorpus corpus, List<SyntheticQuery> queries,
      int k) {
    FlatVectors vectors = FlatVectors.of(corpus);
    List<List<String>> answers = new ArrayList<>(queries.size());
    for (SyntheticQuery query : queries) {
      answers.add(Arrays.stream(vectors.topK(query.vector(), k))
          .mapToObj(i -> SyntheticCorpus.docId(i) + "#0").toList());
    }
    return answers;
  }
}
