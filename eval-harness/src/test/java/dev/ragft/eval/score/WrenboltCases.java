package dev.ragft.eval.score;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;

/** The bundled demo scenario's cases, loaded once, for golden tests. */
final class WrenboltCases {

  private static final Scenario DEMO = Scenarios.demo();

  private WrenboltCases() {
  }

  /** The case with this id. */
  static FailureCase byId(String id) {
    return DEMO.cases().stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo case " + id));
  }
}
