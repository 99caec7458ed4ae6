package dev.ragft.finetune;

import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.util.List;

/** Small builders for test examples. */
public final class Fixtures {

  /** A provenance for tests. */
  public static final Provenance ORIGIN = new Provenance("test", "test.jsonl", 1, "0".repeat(64),
      "CC0-1.0", "curated");

  private Fixtures() {
  }

  /** A single-turn example with weight 1. */
  public static TrainingExample example(String id, String question, String answer) {
    return TrainingExample.of(id, null, question, answer, ORIGIN);
  }

  /** A single-turn example with a label. */
  public static TrainingExample labelled(String id, String label, String question, String answer) {
    return new TrainingExample(id, null, List.of(Turn.user(question)), answer, 1.0, null, label,
        ORIGIN);
  }
}
