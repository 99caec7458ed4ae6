package dev.ragft.eval.demo;

import dev.ragft.datasets.scenario.ChangedFact;
import dev.ragft.eval.result.CaseInfo;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.SetupInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a run on a newer corpus version shows about freshness: for every setup, over the cases
 * about facts that changed, how many passed, how many replies still state an old value or already
 * the new one, and how many contexts held which. Retrieval that follows the new corpus shows new
 * values in its contexts and none of the old; a model fine-tuned on the old facts keeps stating
 * them.
 *
 * @param oldVersion the corpus version the facts changed from
 * @param newVersion the corpus version of the run
 * @param facts the changed facts
 * @param documents the documents whose facts changed
 * @param rows one row per setup, in the run's setup order
 */
public record Freshness(String oldVersion, String newVersion, int facts, int documents,
    List<Row> rows) {

  /**
   * One setup's counts over the cases about changed facts.
   *
   * @param setupId the setup
   * @param cases the cases about changed facts the setup answered
   * @param passed those whose first sample passed
   * @param repliesOld replies stating an old value of a fact of the case's gold documents
   * @param repliesNew replies stating the new value of such a fact
   * @param contexts cases whose context held passages (0 for setups without context)
   * @param contextsOld contexts with a passage stating an old value of its own document
   * @param contextsNew contexts with a passage stating a new value of its own document
   */
  public record Row(String setupId, int cases, int passed, int repliesOld, int repliesNew,
      int contexts, int contextsOld, int contextsNew) {
  }

  /** Validates and copies. */
  public Freshness {
    Objects.requireNonNull(oldVersion, "oldVersion");
    Objects.requireNonNull(newVersion, "newVersion");
    rows = List.copyOf(rows);
  }

  /**
   * The freshness of {@code run}, a run on corpus {@code newVersion}, over {@code caseIds} (the
   * cases about facts that changed from {@code oldVersion}).
   */
  public static Freshness of(RunResult run, List<ChangedFact> changed, String oldVersion,
      String newVersion, Set<String> caseIds) {
    List<ChangedFact> facts = changed.stream()
        .filter(f -> f.oldVersion().equals(oldVersion) && f.newVersion().equals(newVersion))
        .toList();
    Map<String, List<ChangedFact>> byDoc = new TreeMap<>();
    facts.forEach(f -> byDoc.computeIfAbsent(f.docId(), d -> new ArrayList<>()).add(f));
    Map<String, CaseInfo> infos = new TreeMap<>();
    run.cases().forEach(c -> infos.put(c.id(), c));
    List<Row> rows = new ArrayList<>();
    for (SetupInfo setup : run.setups()) {
      int cases = 0;
      int passed = 0;
      int repliesOld = 0;
      int repliesNew = 0;
      int contexts = 0;
      int contextsOld = 0;
      int contextsNew = 0;
      for (CaseResult result : run.resultsOf(setup.id())) {
        if (!caseIds.contains(result.caseId())) {
          continue;
        }
        cases++;
        passed += result.passed() ? 1 : 0;
        List<ChangedFact> caseFacts = new ArrayList<>();
        infos.get(result.caseId()).goldDocIds()
            .forEach(doc -> caseFacts.addAll(byDoc.getOrDefault(doc, List.of())));
        String answer = result.samples().get(0).answer();
        repliesOld += states(answer, caseFacts, true) ? 1 : 0;
        repliesNew += states(answer, caseFacts, false) ? 1 : 0;
        if (!result.context().isEmpty()) {
          contexts++;
          // A passage is checked against its own document's facts only: "30 days" in another
          // document may be another fact altogether.
          boolean old = false;
          boolean fresh = false;
          for (Passage passage : result.context()) {
            List<ChangedFact> own = byDoc.getOrDefault(passage.docId(), List.of());
            old |= states(passage.text(), own, true);
            fresh |= states(passage.text(), own, false);
          }
          contextsOld += old ? 1 : 0;
          contextsNew += fresh ? 1 : 0;
        }
      }
      rows.add(new Row(setup.id(), cases, passed, repliesOld, repliesNew, contexts, contextsOld,
          contextsNew));
    }
    return new Freshness(oldVersion, newVersion, facts.size(), byDoc.size(), rows);
  }

  /** The row of a setup, if the run has it. */
  public Optional<Row> row(String setupId) {
    return rows.stream().filter(r -> r.setupId().equals(setupId)).findFirst();
  }

  /** Whether {@code text} states the old (or new) value of one of {@code facts}, as a word. */
  static boolean states(String text, List<ChangedFact> facts, boolean old) {
    for (ChangedFact fact : facts) {
      String value = old ? fact.oldValue() : fact.newValue();
      String other = old ? fact.newValue() : fact.oldValue();
      // "£29" must not count inside "£299", nor an old name inside a new name that contains it.
      Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value)
          + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      String rest = other.contains(value) ? text.replace(other, " ") : text;
      if (word.matcher(rest).find()) {
        return true;
      }
    }
    return false;
  }
}
