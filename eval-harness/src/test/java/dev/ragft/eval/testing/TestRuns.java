package dev.ragft.eval.testing;

import dev.ragft.eval.result.CaseInfo;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.RetrievalScores;
import dev.ragft.eval.result.RunInfo;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.result.Usage;
import dev.ragft.eval.result.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Builds runs for tests from compact signatures: one character per setup, in setup order:
 * {@code P} pass, {@code K} knowledge failure, {@code B} behaviour, {@code X} both,
 * {@code R} retrieval miss, {@code G} grounding, {@code -} no result.
 */
public final class TestRuns {

  /** The five default setups, in display order. */
  public static final List<String> DEFAULT_SETUPS =
      List.of("baseline", "rag", "finetuned", "hybrid", "oracle");

  private final long seed;
  private final List<String> setups;
  private final Map<String, String> signatures = new LinkedHashMap<>();
  private final Map<String, Integer> samples = new LinkedHashMap<>();
  private Map<String, String> notes = Map.of();

  private TestRuns(long seed, List<String> setups) {
    this.seed = seed;
    this.setups = List.copyOf(setups);
  }

  /** A builder over the default setups. */
  public static TestRuns builder(long seed) {
    return new TestRuns(seed, DEFAULT_SETUPS);
  }

  /** A builder over the given setups. */
  public static TestRuns builder(long seed, List<String> setups) {
    return new TestRuns(seed, setups);
  }

  /** Adds a case with one signature character per setup. */
  public TestRuns add(String caseId, String signature) {
    if (signature.length() != setups.size()) {
      throw new IllegalArgumentException("signature " + signature + " needs " + setups.size()
          + " characters");
    }
    signatures.put(caseId, signature);
    return this;
  }

  /** Adds {@code count} cases named {@code prefix-00}, {@code prefix-01}, … with one signature. */
  public TestRuns add(String prefix, int count, String signature) {
    for (int i = 0; i < count; i++) {
      add(String.format(java.util.Locale.ROOT, "%s-%02d", prefix, i), signature);
    }
    return this;
  }

  /** Gives a case extra samples: {@code extra} is one character per setup for the second sample. */
  public TestRuns secondSample(String caseId, String extra) {
    signatures.put(caseId + "#2", extra);
    samples.put(caseId, 2);
    return this;
  }

  /** Sets the run's notes. */
  public TestRuns notes(Map<String, String> value) {
    notes = value;
    return this;
  }

  /** Builds the run. */
  public RunResult build() {
    List<SetupInfo> setupInfos = new ArrayList<>();
    for (String id : setups) {
      boolean tuned = id.startsWith("finetuned") || id.startsWith("hybrid");
      String context = id.startsWith("rag") || id.startsWith("hybrid") ? "bm25 top-3"
          : id.equals("oracle") ? "oracle" : "none";
      setupInfos.add(new SetupInfo(id, "llama.cpp:tiny.gguf", tuned ? "adapter-1" : "", context,
          "default", false));
    }
    List<CaseInfo> cases = new ArrayList<>();
    List<CaseResult> results = new ArrayList<>();
    Random random = new Random(seed);
    for (Map.Entry<String, String> e : signatures.entrySet()) {
      String caseId = e.getKey();
      if (caseId.endsWith("#2")) {
        continue;
      }
      cases.add(new CaseInfo(caseId, "knowledge", "What is the refund window for " + caseId + "?",
          "30 days.", List.of("refunds"), List.of("(?i)30\\s+days")));
      String second = signatures.get(caseId + "#2");
      for (int s = 0; s < setups.size(); s++) {
        char c = e.getValue().charAt(s);
        if (c == '-') {
          continue;
        }
        String setup = setups.get(s);
        List<Sample> list = new ArrayList<>();
        list.add(sample(0, c, caseId, setup, random));
        if (second != null) {
          list.add(sample(1, second.charAt(s), caseId, setup, random));
        }
        boolean retrieves = setup.startsWith("rag") || setup.startsWith("hybrid");
        List<Passage> context = retrieves || setup.equals("oracle")
            ? List.of(new Passage(1, "refunds", "v1", "refunds.md", 0, 40,
                "Refunds are accepted within 30 days of purchase.", true),
                new Passage(2, "pricing", "v1", "pricing.md", 10, 50, "The Crew plan costs £29.", false))
            : List.of();
        results.add(new CaseResult(caseId, setup, context,
            retrieves ? Optional.of(new RetrievalScores(3, c == 'R' ? 0 : 1, c == 'R' ? 0 : 1,
                c == 'R' ? 0 : 1)) : Optional.empty(), list));
      }
    }
    return new RunResult(new RunInfo("run-" + seed, "test-cases", "v1", seed, second() ? 2 : 1,
        0.0, notes), setupInfos, cases, results);
  }

  private boolean second() {
    return !samples.isEmpty();
  }

  private static Sample sample(int index, char c, String caseId, String setup, Random random) {
    Verdict verdict = switch (c) {
      case 'P' -> new Verdict.Pass();
      case 'K' -> new Verdict.Fail("required fact missing: 30 days", FailureLabel.KNOWLEDGE);
      case 'B' -> new Verdict.Fail("format: not JSON", FailureLabel.BEHAVIOUR);
      case 'X' -> new Verdict.Fail("fact missing and not JSON", FailureLabel.KNOWLEDGE_AND_BEHAVIOUR);
      case 'R' -> new Verdict.Fail("no gold document retrieved", FailureLabel.RETRIEVAL_MISS);
      case 'G' -> new Verdict.Fail("gold retrieved, fact unused", FailureLabel.GROUNDING);
      default -> throw new IllegalArgumentException("unknown signature character: " + c);
    };
    boolean pass = c == 'P';
    String answer = pass ? "Refunds are accepted within 30 days [1]." : "I think it is 14 days.";
    List<Check> checks = List.of(
        new Check(CheckKind.REQUIRED_FACT, "fact:30-days", pass || c == 'B', pass ? "found" : "absent", true),
        new Check(CheckKind.FORMAT, "format.max_words", c != 'B' && c != 'X', "", true));
    return new Sample(index, answer + " (" + caseId + "/" + setup + ")", verdict, checks,
        new Usage(100 + random.nextInt(50), 20, 5 + random.nextInt(100), 0.0001, false));
  }
}
