package dev.ragft.rag.beir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputProblems;
import dev.ragft.common.RagftException;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.pipeline.FusionConfig;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import dev.ragft.rag.pipeline.RerankConfig;
import dev.ragft.rag.pipeline.RetrievalConfig;
import dev.ragft.rag.pipeline.RetrievalMode;
import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.VectorFeedback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fusion weights tuned on one split of a small BEIR dataset, with the real BM25 index and the
 * default embedding model. Half of the questions name a part number (BM25 finds them, a dense
 * model mixes up near-identical numbers), half paraphrase their answer in other words (only the
 * dense model finds them), so the weights matter. Every weighting of the grid is also evaluated
 * on its own by the ordinary evaluation path, which the tuner's choice and score must match.
 */
class WeightTuningEvaluationTest {

  @TempDir
  static Path dir;

  private static Path dataset;

  @BeforeAll
  static void writeDataset() throws IOException {
    dataset = dir.resolve("parts");
    Files.createDirectories(dataset.resolve("qrels"));
    String[][] docs = {
        {"c1", "Valve VX-7731 must be replaced after 4,000 operating hours."},
        {"c2", "Valve VX-7713 must be replaced after 6,000 operating hours."},
        {"c3", "Valve VX-1377 must be replaced after 2,000 operating hours."},
        {"c4", "Pump PQ-5508 needs fresh lubricant every month."},
        {"c5", "Pump PQ-5580 needs fresh lubricant every week."},
        {"c6", "Pump PQ-8055 needs fresh lubricant every year."},
        {"s1", "Refunds are paid back to the original card within thirty days of the purchase."},
        {"s2", "Dogs are welcome in the office on Fridays if they are vaccinated."},
        {"s3", "Employees may do their jobs from home up to three days per week."},
        {"s4", "The cafeteria serves vegetarian dishes every day."},
        {"s5", "Passwords expire after ninety days and need twelve characters."},
        {"s6", "Travel expenses are reimbursed after the manager approves the receipts."},
        {"x1", "Bring your badge to work every day; a lost badge costs money to replace."},
        {"x2", "Remote desktop access requires a hardware token and the office network."},
        {"x3", "Lunch breaks last forty-five minutes; food may not be eaten at desks."},
        {"x4", "A new login needs a ticket from the service desk."},
    };
    List<String> corpus = new ArrayList<>();
    for (String[] doc : docs) {
      corpus.add("{\"_id\":\"" + doc[0] + "\",\"title\":\"\",\"text\":\"" + doc[1] + "\"}");
    }
    Files.write(dataset.resolve("corpus.jsonl"), corpus);
    String[][] queries = {
        {"t1", "When is VX-7713 replaced?", "c2", "train"},
        {"t2", "VX-1377 replacement interval", "c3", "train"},
        {"t3", "How often does PQ-5580 get lubricant?", "c5", "train"},
        {"t4", "How do I get my money back after buying something?", "s1", "train"},
        {"t5", "Can I bring my pet to work?", "s2", "train"},
        {"t6", "Is remote work allowed?", "s3", "train"},
        {"t7", "Is there meat-free food at lunch?", "s4", "train"},
        {"e1", "VX-7731 replacement", "c1", "test"},
        {"e2", "PQ-8055 lubricant schedule", "c6", "test"},
        {"e3", "How often must I pick a new login secret?", "s5", "test"},
        {"e4", "Who pays for my business trip?", "s6", "test"},
    };
    List<String> lines = new ArrayList<>();
    List<String> train = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
    List<String> test = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
    for (String[] query : queries) {
      lines.add("{\"_id\":\"" + query[0] + "\",\"text\":\"" + query[1] + "\"}");
      (query[3].equals("train") ? train : test).add(query[0] + "\t" + query[2] + "\t1");
    }
    Files.write(dataset.resolve("queries.jsonl"), lines);
    Files.write(dataset.resolve("qrels/train.tsv"), train);
    Files.write(dataset.resolve("qrels/test.tsv"), test);
  }

  private static IndexBuildConfig index(List<String> models) {
    return IndexBuildConfig.defaults(dir.resolve("index-" + models.size()))
        .withModels(models)
        .withChunker(ChunkerConfig.builder().type(ChunkerType.DOCUMENT).build())
        .withEmbeddingCache(dir.resolve("cache"));
  }

  private static RetrievalConfig hybrid(List<Double> weights) {
    return hybrid(weights, VectorFeedback.OFF);
  }

  private static RetrievalConfig hybrid(List<Double> weights, VectorFeedback feedback) {
    return new RetrievalConfig(RetrievalMode.HYBRID, List.of(),
        new FusionConfig("zscore", 60, weights, 100), DenseRetriever.DEFAULT_CANDIDATES,
        RerankConfig.none(), feedback);
  }

  private static BeirEvalResult evaluate(String split, List<Double> weights,
      WeightTuning tuning) {
    return evaluate(split, weights, tuning, VectorFeedback.OFF);
  }

  private static BeirEvalResult evaluate(String split, List<Double> weights,
      WeightTuning tuning, VectorFeedback feedback) {
    return BeirEvaluation.run(new BeirEvalConfig(dataset, split,
            index(List.of(IndexBuildConfig.DEFAULT_MODEL)), hybrid(weights, feedback), 100, null,
            "t", tuning),
        InputProblems.collecting(), BeirEvaluation.ProgressFactory.silent());
  }

  @Test
  void with_feedback_the_tuner_scores_each_weighting_as_evaluation_does() {
    VectorFeedback feedback = new VectorFeedback(1, 0.5);
    WeightTuning tuning = new WeightTuning("train", 0.25);
    BeirEvalResult tuned = evaluate("test", List.of(), tuning, feedback);
    List<Double> scores = new ArrayList<>();
    for (List<Double> weights : tuning.grid(2)) {
      scores.add(evaluate("train", weights, null, feedback).summary().ndcg());
    }
    double best = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(tuned.tuning().ndcg()).as("train nDCG@10 per weighting %s", scores)
        .isEqualTo(best);
    assertThat(tuned.tuning().weights()).isEqualTo(tuning.grid(2).get(scores.indexOf(best)));
    assertThat(tuned.retriever()).endsWith("; feedback 1 chunk at 0.5)");
    assertThat(tuned.summary())
        .isEqualTo(evaluate("test", tuned.tuning().weights(), null, feedback).summary());
  }

  @Test
  void tuned_weights_are_the_first_best_weighting_and_score_what_evaluation_scores() {
    WeightTuning tuning = new WeightTuning("train", 0.25);
    BeirEvalResult tuned = evaluate("test", List.of(), tuning);
    TunedWeights chosen = tuned.tuning();
    assertThat(chosen.split()).isEqualTo("train");
    assertThat(chosen.queries()).isEqualTo(7);
    assertThat(chosen.candidates()).isEqualTo(5);

    List<Double> scores = new ArrayList<>();
    for (List<Double> weights : tuning.grid(2)) {
      scores.add(evaluate("train", weights, null).summary().ndcg());
    }
    double best = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double worst = scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertThat(best).as("the weights must matter on this dataset: %s", scores)
        .isGreaterThan(worst + 0.05);
    assertThat(chosen.ndcg()).as("train nDCG@10 per weighting %s", scores).isEqualTo(best);
    assertThat(chosen.weights()).isEqualTo(tuning.grid(2).get(scores.indexOf(best)));

    BeirEvalResult given = evaluate("test", chosen.weights(), null);
    assertThat(tuned.summary()).isEqualTo(given.summary());
    assertThat(tuned.headline()).containsEntry("weights", chosen.weights())
        .containsKey("tuning");
    assertThat(given.tuning()).isNull();
    assertThat(given.headline()).doesNotContainKeys("weights", "tuning");
  }

  @Test
  void tuning_on_the_evaluated_split_or_with_given_weights_is_refused() {
    IndexBuildConfig index = index(List.of(IndexBuildConfig.DEFAULT_MODEL));
    assertThatThrownBy(() -> new BeirEvalConfig(dataset, "train", index, hybrid(List.of()), 100,
        null, "t", new WeightTuning("train", 0.1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the fusion weights must be tuned on another split than the evaluated one "
            + "(train): tuning on it would report a fitted number");
    assertThatThrownBy(() -> new BeirEvalConfig(dataset, "test", index,
        hybrid(List.of(0.5, 0.5)), 100, null, "t", new WeightTuning("train", 0.1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("give fusion weights or tune them on a split, not both");
  }

  @Test
  void a_retriever_with_nothing_to_fuse_cannot_be_tuned() {
    RetrievalConfig bm25 = hybrid(List.of()).withMode(RetrievalMode.BM25);
    assertThatThrownBy(() -> BeirEvaluation.run(new BeirEvalConfig(dataset, "test",
            index(List.of()), bm25, 100, null, "t", new WeightTuning("train", 0.1)),
        InputProblems.collecting(), BeirEvaluation.ProgressFactory.silent()))
        .isInstanceOf(RagftException.class)
        .hasMessage("weight tuning needs two or more lists to fuse (hybrid mode, or dense mode "
            + "with several models) and no reranking, but the retriever is bm25");
  }
}
