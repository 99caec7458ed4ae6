package dev.ragft.eval.score;

import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import dev.ragft.eval.result.Passage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Citation validity, for setups that give the model context (none is checked without context):
 *
 * <ul>
 *   <li>{@code citation.valid}: every source the reply cites ({@link Citations}) is a passage of
 *       the context: a number {@code [n]} of a passage, or the id of a document a passage comes
 *       from ({@link DocIds}). A reply that cites nothing passes.
 *   <li>{@code citation.support}: when the reply cites at least one passage of the context and
 *       states required facts, every stated fact is found ({@link TextMatches}) in one of the
 *       cited passages. Left out when the reply cites nothing valid or states no required fact.
 * </ul>
 *
 * Both gate: a made-up source or a fact pinned on a passage that does not hold it is a knowledge
 * failure of the reply.
 */
public final class CitationScorer implements Scorer {

  @Override
  public List<Check> score(Reply reply) {
    if (reply.context().isEmpty()) {
      return List.of();
    }
    List<Citations.Cited> cited = Citations.of(reply.text());
    Set<Passage> citedPassages = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (Citations.Cited source : cited) {
      List<Passage> found = resolve(source, reply.context());
      if (found.isEmpty()) {
        unknown.add(source.shown());
      }
      citedPassages.addAll(found);
    }
    List<Check> checks = new ArrayList<>();
    checks.add(new Check(CheckKind.CITATION, "citation.valid", unknown.isEmpty(),
        cited.isEmpty() ? "cites nothing"
            : unknown.isEmpty() ? "cites " + shown(cited) + ", all in the context"
                : "cites " + String.join(", ", unknown) + ", not in the context", true));
    if (citedPassages.isEmpty()) {
      return checks;
    }
    List<RequiredFact> facts = reply.failureCase().requiredFacts();
    List<String> stated = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (int i = 0; i < facts.size(); i++) {
      RequiredFact fact = facts.get(i);
      if (!TextMatches.foundIn(fact.match(), reply.text())) {
        continue;
      }
      stated.add(FactScorer.factName(i));
      boolean supported = citedPassages.stream()
          .anyMatch(passage -> TextMatches.foundIn(fact.match(), passage.text()));
      if (!supported) {
        unsupported.add(FactScorer.factName(i));
      }
    }
    if (!stated.isEmpty()) {
      checks.add(new Check(CheckKind.CITATION, "citation.support", unsupported.isEmpty(),
          unsupported.isEmpty() ? "the cited passages hold " + String.join(", ", stated)
              : "no cited passage holds " + String.join(", ", unsupported), true));
    }
    return checks;
  }

  private static List<Passage> resolve(Citations.Cited source, List<Passage> context) {
    return switch (source) {
      case Citations.PassageNumber number -> context.stream()
          .filter(passage -> passage.number() == number.number()).toList();
      case Citations.DocumentId document -> context.stream()
          .filter(passage -> DocIds.matches(passage.docId(), document.docId())).toList();
    };
  }

  private static String shown(List<Citations.Cited> cited) {
    return String.join(", ", cited.stream().map(Citations.Cited::shown).toList());
  }

  /** The passages of {@code context} that {@code reply} cites, in context order. */
  public static List<Passage> cited(String reply, List<Passage> context) {
    Set<Passage> found = new LinkedHashSet<>();
    for (Citations.Cited source : Citations.of(reply)) {
      found.addAll(resolve(source, context));
    }
    return context.stream().filter(found::contains).toList();
  }
}
