package dev.ragft.eval.diagnosis;

import dev.ragft.eval.result.CaseInfo;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.SetupInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The diagnosis of a run: every case's signature and group, the table of signatures, the
 * evidence statements and the recommendation.
 *
 * @param config the roles and thresholds used
 * @param setups the run's setups in display order (the order of every signature)
 * @param missingRoles the roles of {@code config} whose setup the run lacks, e.g. {@code oracle}
 * @param cases one diagnosis per case, in case order
 * @param groups how many cases fall in each group (every group present)
 * @param table one row per distinct signature and group, most cases first, ties by signature
 * @param statements the evidence, in a fixed order
 * @param recommendation the decision
 */
public record Diagnosis(DiagnosisConfig config, List<String> setups, List<String> missingRoles,
    List<CaseDiagnosis> cases, Map<Group, Integer> groups, List<SignatureRow> table,
    List<Statement> statements, Recommendation recommendation) {

  /** Validates and copies the components. */
  public Diagnosis {
    Objects.requireNonNull(config, "config");
    setups = List.copyOf(setups);
    missingRoles = List.copyOf(missingRoles);
    cases = List.copyOf(cases);
    groups = Collections.unmodifiableMap(new TreeMap<>(groups));
    table = List.copyOf(table);
    statements = List.copyOf(statements);
    Objects.requireNonNull(recommendation, "recommendation");
  }

  /** Diagnoses {@code run} with {@code config}. */
  public static Diagnosis of(RunResult run, DiagnosisConfig config) {
    List<String> setups = run.setups().stream().map(SetupInfo::id).toList();
    Map<String, Map<String, CaseResult>> byCase = new HashMap<>();
    for (CaseResult result : run.results()) {
      byCase.computeIfAbsent(result.caseId(), id -> new HashMap<>()).put(result.setupId(), result);
    }
    CaseClassifier classifier = new CaseClassifier(config);
    List<CaseDiagnosis> cases = new ArrayList<>();
    for (CaseInfo info : run.cases()) {
      cases.add(classifier.classify(info.id(), setups, byCase.getOrDefault(info.id(), Map.of())));
    }
    Map<Group, Integer> groups = new EnumMap<>(Group.class);
    for (Group group : Group.values()) {
      groups.put(group, 0);
    }
    cases.forEach(c -> groups.merge(c.group(), 1, Integer::sum));
    List<String> missing = new ArrayList<>();
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put("baseline", config.baseline());
    roles.put("rag", config.rag());
    roles.put("finetuned", config.finetuned());
    roles.put("hybrid", config.hybrid());
    roles.put("oracle", config.oracle());
    roles.forEach((role, id) -> {
      if (!setups.contains(id)) {
        missing.add(role);
      }
    });
    Evidence evidence = new Evidence(config, setups, cases, byCase);
    return new Diagnosis(config, setups, missing, cases, groups, table(cases),
        evidence.statements(), new Recommender(config).recommend(evidence, missing));
  }

  private static List<SignatureRow> table(List<CaseDiagnosis> cases) {
    Map<RowKey, List<String>> byKey = new HashMap<>();
    for (CaseDiagnosis c : cases) {
      byKey.computeIfAbsent(new RowKey(c.signature(), c.group()), k -> new ArrayList<>())
          .add(c.caseId());
    }
    List<SignatureRow> rows = new ArrayList<>();
    byKey.forEach((key, ids) -> rows.add(new SignatureRow(key.signature(), key.group(),
        ids.stream().sorted().toList())));
    rows.sort(Comparator.comparingInt((SignatureRow r) -> -r.caseIds().size())
        .thenComparing(r -> r.signature().toString()).thenComparing(SignatureRow::group));
    return rows;
  }

  /** Cases share a table row when both their signature and their group agree. */
  private record RowKey(List<Outcome> signature, Group group) {
  }
}
