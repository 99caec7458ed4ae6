package dev.ragft.finetune.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.Fixtures;
import dev.ragft.finetune.example.TrainingExample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  private static final String LONG = "Customers can return damaged items within thirty days of "
      + "delivery by opening a ticket in the help centre and attaching a photo of the damage so "
      + "that support can approve the refund quickly";

  @Test
  void exact_and_near_duplicates_are_removed_with_their_reason_and_similarity() {
    List<TrainingExample> examples = List.of(
        Fixtures.example("a", "What is the refund window?", "Thirty days."),
        Fixtures.example("b", "what is the REFUND window", "thirty days!"),
        Fixtures.example("c", "Explain returns.", LONG + " today"),
        Fixtures.example("d", "Explain returns.", LONG + " tomorrow"),
        Fixtures.example("e", "How do I reset my password?", "Use the link on the login page."));

    Deduplicator.Result result = new Deduplicator(Deduplicator.Config.DEFAULT).deduplicate(examples);

    // "explain returns" + 33 words + 1 = 36 words, 34 shingles; the last word changes one shingle
    assertThat(result.kept()).extracting(TrainingExample::id).containsExactly("a", "c", "e");
    assertThat(result.removals()).containsExactly(
        new Deduplicator.Removal("b", "a", Deduplicator.Reason.EXACT, 1.0),
        new Deduplicator.Removal("d", "c", Deduplicator.Reason.NEAR, 33.0 / 35.0));
  }

  @Test
  void different_texts_below_the_threshold_are_kept() {
    List<TrainingExample> examples = List.of(
        Fixtures.example("a", "Explain returns.", LONG),
        Fixtures.example("b", "Explain shipping.", "Orders ship within two working days from our "
            + "warehouse and arrive within a week in most countries"));

    assertThat(new Deduplicator(Deduplicator.Config.DEFAULT).deduplicate(examples).removals()).isEmpty();
  }

  @Test
  void the_same_seed_gives_the_same_result_on_a_seeded_random_corpus() {
    long seed = 20261121L;
    System.out.println("DeduplicatorTest corpus seed: " + seed);
    java.util.Random random = new java.util.Random(seed);
    String[] words = "refund order damaged shipping account password invoice delivery item ticket"
        .split(" ");
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 12; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      examples.add(Fixtures.example("x" + i, text.toString(), "answer " + (i % 7)));
    }
    Deduplicator.Config config = new Deduplicator.Config(3, 64, 16, 0.6, 7);

    Deduplicator.Result first = new Deduplicator(config).deduplicate(examples);
    Deduplicator.Result second = new Deduplicator(config).deduplicate(examples);

    assertThat(first).isEqualTo(second);
    for (Deduplicator.Removal removal : first.removals()) {
      assertThat(removal.similarity()).isGreaterThanOrEqualTo(0.6);
    }
  }

  @Test
  void minhash_estimates_jaccard_similarity() {
    MinHash minHash = new MinHash(256, 1);
    var a = TextNormalizer.shingles(TextNormalizer.words(LONG), 3);
    var b = TextNormalizer.shingles(TextNormalizer.words(LONG + " and more words here"), 3);

    double exact = TextNormalizer.jaccard(a, b);
    double estimate = MinHash.estimate(minHash.signature(a), minHash.signature(b));

    assertThat(estimate).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.1));
  }
}
