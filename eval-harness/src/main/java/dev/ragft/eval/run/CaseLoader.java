package dev.ragft.eval.run;

import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.RagftException;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.FailureCaseReader;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.eval.config.CaseSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and selects the cases a run asks, as its {@link CaseSelection} says. */
public final class CaseLoader {

  private CaseLoader() {
  }

  /**
   * The selected cases, in id order.
   *
   * @param selection which cases
   * @param scenario the scenario the selection names, loaded; null when it names files
   * @param version the corpus version cases must apply to, or null for any
   * @throws RagftException when an id is repeated across files, a selected id does not exist,
   *     or nothing is selected
   */
  public static List<FailureCase> load(CaseSelection selection, Scenario scenario,
      String version) {
    List<FailureCase> all = new ArrayList<>();
    if (selection.scenario() != null) {
      if (scenario == null || !scenario.name().equals(selection.scenario())) {
        throw new IllegalArgumentException("the cases need scenario " + selection.scenario());
      }
      all.addAll(scenario.cases());
    } else {
      FailureCaseReader reader = new FailureCaseReader(OnError.FAIL, InputProblems.collecting());
      for (String file : selection.files()) {
        all.addAll(reader.read(Path.of(file)));
      }
    }
    Set<String> seen = new HashSet<>();
    for (FailureCase failureCase : all) {
      if (!seen.add(failureCase.id())) {
        throw new RagftException("case id \"" + failureCase.id() + "\" is given more than once"
            + " in the case files; ids must be unique across the files of a run");
      }
    }
    for (String id : selection.ids()) {
      if (!seen.contains(id)) {
        throw new RagftException("the configuration selects case \"" + id + "\", which the"
            + " cases do not have");
      }
    }
    List<Category> categories = selection.categoryValues();
    List<FailureCase> kept = all.stream()
        .filter(c -> version == null || c.appliesTo(version))
        .filter(c -> categories.isEmpty() || categories.contains(c.category()))
        .filter(c -> selection.ids().isEmpty() || selection.ids().contains(c.id()))
        .sorted(Comparator.comparing(FailureCase::id))
        .limit(selection.limit() == null ? Long.MAX_VALUE : selection.limit())
        .toList();
    if (kept.isEmpty()) {
      throw new RagftException("no case is selected: " + all.size() + " cases were read, none"
          + " passes the filters" + (version == null ? "" : " for corpus version " + version));
    }
    return kept;
  }
}
