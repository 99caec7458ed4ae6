package dev.ragft.eval.context;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.score.DocIds;
import dev.ragft.rag.context.AssembledContext;
import dev.ragft.rag.context.Citation;
import java.util.List;

/** Turns an assembled context into the run result's passages. */
final class Passages {

  private Passages() {
  }

  /** The citations of {@code context} as passages, gold ones marked for {@code failureCase}. */
  static List<Passage> of(AssembledContext context, FailureCase failureCase) {
    return context.citations().stream().map(citation -> passage(citation, failureCase)).toList();
  }

  private static Passage passage(Citation citation, FailureCase failureCase) {
    return new Passage(citation.number(), citation.docId(), citation.version(),
        citation.source(), citation.start(), citation.end(), citation.text(),
        DocIds.matchesAny(citation.docId(), failureCase.goldDocIds()));
  }
}
