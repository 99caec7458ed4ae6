package dev.ragft.eval.cost;

import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.SetupInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Computes a run's {@link CostSummary} from the usage of every sample: per setup the mean prompt
 * and completion tokens per query and the cost of 1,000 queries (each call's cost comes from the
 * price table when the call is made; in-process models cost nothing); the training cost of a
 * fine-tuned setup spread over the configured query volume; and for every fine-tuned setup with a
 * known training cost and every setup without one, the break-even volume {@code ceil(training /
 * (cost per query of the other - cost per query of the fine-tuned))} when the fine-tuned setup is
 * cheaper per query.
 */
public final class CostAnalysis {

  private CostAnalysis() {
  }

  /**
   * The summary of {@code run}.
   *
   * @param run the run
   * @param trainingUsd the training cost of each setup whose model was fine-tuned, by setup id
   * @param queries the query volume training is spread over, at least 1
   * @param notes notes to carry (unpriced models, say)
   */
  public static CostSummary of(RunResult run, Map<String, Double> trainingUsd, long queries,
      List<String> notes) {
    if (queries < 1) {
      throw new IllegalArgumentException("queries must be >= 1, but is: " + queries);
    }
    List<SetupCost> setups = new ArrayList<>();
    for (SetupInfo setup : run.setups()) {
      long calls = 0;
      double prompt = 0;
      double completion = 0;
      double usd = 0;
      for (CaseResult result : run.resultsOf(setup.id())) {
        for (Sample sample : result.samples()) {
          calls++;
          prompt += sample.usage().promptTokens();
          completion += sample.usage().completionTokens();
          usd += sample.usage().costUsd();
        }
      }
      double perThousand = calls == 0 ? 0 : 1000 * usd / calls;
      Double training = trainingUsd.get(setup.id());
      setups.add(new SetupCost(setup.id(), calls, calls == 0 ? 0 : prompt / calls,
          calls == 0 ? 0 : completion / calls, perThousand,
          training == null ? OptionalDouble.empty() : OptionalDouble.of(training),
          perThousand + (training == null ? 0 : 1000 * training / queries)));
    }
    List<BreakEven> breakEvens = new ArrayList<>();
    for (SetupCost tuned : setups) {
      if (tuned.trainingUsd().isEmpty()) {
        continue;
      }
      for (SetupCost other : setups) {
        if (other.trainingUsd().isPresent()) {
          continue;
        }
        double saved = (other.usdPerThousandQueries() - tuned.usdPerThousandQueries()) / 1000;
        double training = tuned.trainingUsd().getAsDouble();
        // The tolerance keeps floating-point noise from rounding a whole number of queries up.
        OptionalLong volume = saved > 0
            ? OptionalLong.of((long) Math.ceil(training / saved - 1e-6)) : OptionalLong.empty();
        breakEvens.add(new BreakEven(tuned.setupId(), other.setupId(),
            other.meanPromptTokens() - tuned.meanPromptTokens(), saved, training, volume));
      }
    }
    return new CostSummary(queries, setups, breakEvens, notes);
  }
}
