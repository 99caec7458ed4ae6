package dev.ragft.eval.diagnosis;

import dev.ragft.eval.result.CaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The counts the recommendation rests on, and the evidence statements that report them. Shares
 * of failures are out of the baseline's failures among cases with a baseline result.
 */
final class Evidence {

  private final DiagnosisConfig config;
  private final List<String> setups;
  private final List<CaseDiagnosis> cases;
  private final Map<String, Map<String, CaseResult>> byCase;
  private final List<CaseDiagnosis> failures;

  Evidence(DiagnosisConfig config, List<String> setups, List<CaseDiagnosis> cases,
      Map<String, Map<String, CaseResult>> byCase) {
    this.config = config;
    this.setups = setups;
    this.cases = cases;
    this.byCase = byCase;
    this.failures = cases.stream()
        .filter(c -> c.group() != Group.PASSES && c.group() != Group.INCOMPLETE).toList();
  }

  /** Cases with a baseline result. */
  int complete() {
    return (int) cases.stream().filter(c -> c.group() != Group.INCOMPLETE).count();
  }

  /** Cases the baseline fails. */
  int failures() {
    return failures.size();
  }

  /** Knowledge failures plus those needing both, out of the baseline failures. */
  Share knowledgeWeight() {
    return share(count(Group.KNOWLEDGE) + count(Group.BOTH), failures());
  }

  /** Behaviour failures plus those needing both, out of the baseline failures. */
  Share behaviourWeight() {
    return share(count(Group.BEHAVIOUR) + count(Group.BOTH), failures());
  }

  /** The share of baseline failures in {@code group}. */
  Share groupShare(Group group) {
    return share(count(group), failures());
  }

  int count(Group group) {
    return (int) failures.stream().filter(c -> c.group() == group).count();
  }

  /** The statements, in a fixed order: failures, groups with what fixes them, regressions. */
  List<Statement> statements() {
    List<Statement> out = new ArrayList<>();
    out.add(statement("baseline.failures", share(failures(), complete()), ids(failures, c -> true),
        "The baseline fails %s cases.", fraction(failures(), complete())));
    List<CaseDiagnosis> knowledge = in(Group.KNOWLEDGE);
    add(out, "knowledge", knowledge,
        "%s baseline failures are knowledge failures: the right context fixes them.");
    sub(out, "knowledge.rag", knowledge, c -> passes(c, config.rag()),
        "RAG (" + config.rag() + ") fixes %s.");
    sub(out, "knowledge.retrieval_gap", knowledge,
        c -> !passes(c, config.rag()) && passes(c, config.oracle()),
        "Only the oracle fixes %s: retrieval does not bring what they need.");
    List<CaseDiagnosis> behaviour = in(Group.BEHAVIOUR);
    add(out, "behaviour", behaviour, "%s baseline failures are behaviour failures: with the right"
        + " context in view the reply still breaks format, voice or policy.");
    sub(out, "behaviour.finetuned", behaviour,
        c -> passes(c, config.finetuned()) || passes(c, config.hybrid()),
        "Fine-tuning (" + config.finetuned() + " or " + config.hybrid() + ") fixes %s.");
    List<CaseDiagnosis> both = in(Group.BOTH);
    add(out, "both", both, "%s baseline failures need both knowledge and behaviour fixed.");
    sub(out, "both.hybrid", both, c -> passes(c, config.hybrid()),
        "The hybrid (" + config.hybrid() + ") fixes %s.");
    add(out, "unexplained", in(Group.UNEXPLAINED), "%s baseline failures are unexplained: the right"
        + " context does not fix them and the failure is not one of behaviour.");
    List<CaseDiagnosis> baselinePasses = cases.stream().filter(c -> c.group() == Group.PASSES).toList();
    for (String setup : setups) {
      if (setup.equals(config.baseline())) {
        continue;
      }
      List<CaseDiagnosis> broken = baselinePasses.stream()
          .filter(c -> has(c, setup) && !passes(c, setup)).toList();
      int ran = (int) baselinePasses.stream().filter(c -> has(c, setup)).count();
      if (!broken.isEmpty()) {
        out.add(statement("regressions." + setup, share(broken.size(), ran), ids(broken, c -> true),
            "%s fails %s cases the baseline passes.", setup, fraction(broken.size(), ran)));
      }
    }
    return out;
  }

  private void add(List<Statement> out, String key, List<CaseDiagnosis> members, String text) {
    out.add(statement(key, share(members.size(), failures()), ids(members, c -> true), text,
        fraction(members.size(), failures())));
  }

  private void sub(List<Statement> out, String key, List<CaseDiagnosis> members,
      Predicate<CaseDiagnosis> test, String text) {
    if (members.isEmpty()) {
      return;
    }
    List<String> matching = ids(members, test);
    out.add(statement(key, share(matching.size(), members.size()), matching, text,
        matching.size() + " of these " + members.size()));
  }

  private Statement statement(String key, Share share, List<String> ids, String text,
      Object... args) {
    String sentence = String.format(Locale.ROOT, text, args);
    String interval = share.interval().map(i -> String.format(Locale.ROOT,
        " (%s, %.0f%% CI %s–%s)", Format.percent(share.share()), config.confidence() * 100,
        Format.percent(i.low()), Format.percent(i.high()))).orElse("");
    return new Statement(key, sentence.substring(0, sentence.length() - 1) + interval + ".", share, ids);
  }

  private List<CaseDiagnosis> in(Group group) {
    return failures.stream().filter(c -> c.group() == group).toList();
  }

  private static List<String> ids(List<CaseDiagnosis> members, Predicate<CaseDiagnosis> test) {
    return members.stream().filter(test).map(CaseDiagnosis::caseId).sorted().toList();
  }

  private boolean passes(CaseDiagnosis c, String setup) {
    CaseResult result = byCase.getOrDefault(c.caseId(), Map.of()).get(setup);
    return result != null && result.passed();
  }

  private boolean has(CaseDiagnosis c, String setup) {
    return byCase.getOrDefault(c.caseId(), Map.of()).containsKey(setup);
  }

  private Share share(int count, int total) {
    return Share.of(count, total, config.confidence());
  }

  private static String fraction(int count, int total) {
    return count + " of " + total;
  }
}
