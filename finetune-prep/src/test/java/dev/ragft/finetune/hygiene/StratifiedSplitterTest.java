package dev.ragft.finetune.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.Fixtures;
import dev.ragft.finetune.example.TrainingExample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedSplitterTest {

  private static List<TrainingExample> corpus() {
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      examples.add(Fixtures.labelled("a" + i, "policy", "policy question " + i, "answer"));
    }
    for (int i = 0; i < 5; i++) {
      examples.add(Fixtures.labelled("b" + i, "format", "format question " + i, "answer"));
    }
    return examples;
  }

  @Test
  void each_label_sends_its_share_to_validation() {
    StratifiedSplitter.Split split = new StratifiedSplitter(0.2, 42).split(corpus());

    assertThat(split.byLabel()).containsExactly(
        java.util.Map.entry("format", new StratifiedSplitter.Counts(4, 1)),
        java.util.Map.entry("policy", new StratifiedSplitter.Counts(8, 2)));
    assertThat(split.train()).hasSize(12);
    assertThat(split.validation()).hasSize(3);
  }

  @Test
  void the_same_seed_gives_the_same_split_and_keeps_input_order() {
    StratifiedSplitter.Split first = new StratifiedSplitter(0.2, 42).split(corpus());
    StratifiedSplitter.Split second = new StratifiedSplitter(0.2, 42).split(corpus());

    assertThat(first).isEqualTo(second);
    List<String> ids = corpus().stream().map(TrainingExample::id).toList();
    List<String> validationIds = first.validation().stream().map(TrainingExample::id).toList();
    assertThat(validationIds).isSortedAccordingTo(java.util.Comparator.comparingInt(ids::indexOf));
  }

  @Test
  void removing_a_training_example_keeps_the_other_assignments() {
    StratifiedSplitter splitter = new StratifiedSplitter(0.2, 42);
    StratifiedSplitter.Split before = splitter.split(corpus());
    String dropped = before.train().stream().filter(e -> e.label().equals("policy")).findFirst()
        .orElseThrow().id();
    List<TrainingExample> fewer = corpus().stream().filter(e -> !e.id().equals(dropped)).toList();

    StratifiedSplitter.Split after = splitter.split(fewer);

    assertThat(after.validation()).isEqualTo(before.validation());
  }

  @Test
  void another_seed_picks_other_validation_examples() {
    List<String> seed42 = new StratifiedSplitter(0.2, 42).split(corpus()).validation().stream()
        .map(TrainingExample::id).toList();
    List<String> seed7 = new StratifiedSplitter(0.2, 7).split(corpus()).validation().stream()
        .map(TrainingExample::id).toList();

    assertThat(seed7).isNotEqualTo(seed42);
  }
}
