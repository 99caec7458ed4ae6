package dev.ragft.eval.testing;

import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Edits of built runs for tests: replace an answer, change latencies, reorder inputs. */
public final class Runs {

  private Runs() {
  }

  /** The run with the first sample of (case, setup) answering {@code answer}. */
  public static RunResult withAnswer(RunResult run, String caseId, String setupId, String answer) {
    return mapSamples(run, (result, sample) -> result.caseId().equals(caseId)
        && result.setupId().equals(setupId) && sample.index() == 0
        ? new Sample(sample.index(), answer, sample.verdict(), sample.checks(), sample.usage())
        : sample);
  }

  /** The run with every latency replaced by {@code f(latency)}. */
  public static RunResult withLatency(RunResult run, UnaryOperator<Long> f) {
    return mapSamples(run, (result, s) -> new Sample(s.index(), s.answer(), s.verdict(), s.checks(),
        new Usage(s.usage().promptTokens(), s.usage().completionTokens(),
            f.apply(s.usage().latencyMillis()), s.usage().costUsd(), s.usage().cached())));
  }

  /** The same run with its cases and results handed to the constructor in reverse order. */
  public static RunResult reversed(RunResult run) {
    List<CaseResult> results = new ArrayList<>(run.results());
    java.util.Collections.reverse(results);
    List<dev.ragft.eval.result.CaseInfo> cases = new ArrayList<>(run.cases());
    java.util.Collections.reverse(cases);
    return new RunResult(run.info(), run.setups(), cases, results);
  }

  /** A function of a sample and the result it belongs to. */
  public interface SampleEdit {
    /** The replacement sample. */
    Sample apply(CaseResult result, Sample sample);
  }

  /** The run with every sample passed through {@code edit}. */
  public static RunResult mapSamples(RunResult run, SampleEdit edit) {
    List<CaseResult> results = new ArrayList<>();
    for (CaseResult r : run.results()) {
      List<Sample> samples = r.samples().stream().map(s -> edit.apply(r, s)).toList();
      results.add(new CaseResult(r.caseId(), r.setupId(), r.context(), r.retrieval(), samples));
    }
    return new RunResult(run.info(), run.setups(), run.cases(), results);
  }
}
