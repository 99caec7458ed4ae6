package dev.ragft.eval.run;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.context.CaseContext;
import dev.ragft.eval.result.CaseInfo;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.RunInfo;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.SetupInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link RunResult} from what the journal holds: one result per (case, setup) whose
 * samples are all recorded, in case order and then setup order, whatever order the work finished
 * in. Nothing in it depends on the wall clock except each call's latency.
 */
final class RunAssembler {

  private RunAssembler() {
  }

  static RunResult assemble(RunInfo info, List<SetupInfo> setups, List<FailureCase> cases,
      RunJournal journal) {
    List<CaseInfo> caseInfos = new ArrayList<>();
    List<CaseResult> results = new ArrayList<>();
    for (FailureCase failureCase : cases) {
      caseInfos.add(CaseInfo.of(failureCase));
      for (SetupInfo setup : setups) {
        Optional<CaseContext> context = journal.context(failureCase.id(), setup.id());
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < info.samples(); i++) {
          journal.sample(new SampleKey(failureCase.id(), setup.id(), i)).ifPresent(samples::add);
        }
        if (context.isPresent() && samples.size() == info.samples()) {
          results.add(new CaseResult(failureCase.id(), setup.id(), context.get().passages(),
              context.get().retrieval(), samples));
        }
      }
    }
    return new RunResult(info, setups, caseInfos, results);
  }
}
