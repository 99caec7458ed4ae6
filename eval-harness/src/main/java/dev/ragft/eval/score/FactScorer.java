package dev.ragft.eval.score;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.ForbiddenClaim;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Required-fact recall and forbidden-claim detection: one gating check per required fact
 * ({@code fact[i]}, passed when the reply states it) and one per forbidden claim
 * ({@code forbidden[i]}, passed when the reply does not make it), in the case's order.
 */
public final class FactScorer implements Scorer {

  @Override
  public List<Check> score(Reply reply) {
    FailureCase failureCase = reply.failureCase();
    List<Check> checks = new ArrayList<>();
    List<RequiredFact> facts = failureCase.requiredFacts();
    for (int i = 0; i < facts.size(); i++) {
      RequiredFact fact = facts.get(i);
      Optional<String> found = TextMatches.find(fact.match(), reply.text());
      String from = fact.docId().map(doc -> " (from " + doc + ")").orElse("");
      checks.add(new Check(CheckKind.REQUIRED_FACT, factName(i), found.isPresent(),
          found.map(text -> "states \"" + text + "\"" + from)
              .orElse("does not state the fact: " + TextMatches.describe(fact.match()) + from),
          true));
    }
    List<ForbiddenClaim> claims = failureCase.forbiddenClaims();
    for (int i = 0; i < claims.size(); i++) {
      ForbiddenClaim claim = claims.get(i);
      Optional<String> found = TextMatches.find(claim.match(), reply.text());
      String why = claim.reason().map(reason -> " (" + reason + ")").orElse("");
      checks.add(new Check(CheckKind.FORBIDDEN_CLAIM, "forbidden[" + i + "]", found.isEmpty(),
          found.map(text -> "makes the forbidden claim \"" + text + "\"" + why)
              .orElse("does not make the claim " + TextMatches.describe(claim.match()) + why),
          true));
    }
    return checks;
  }

  /** The name of the check of required fact {@code index}. */
  public static String factName(int index) {
    return "fact[" + index + "]";
  }
}
