package dev.ragft.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.config.EvalConfigReader;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.model.cache.CacheMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end with the real stories260K model, a real BM25 index and the demo cases. */
class EvalRunnerIT {

  @TempDir
  Path dir;

  private EvalConfig config(String extra) {
    return EvalConfigReader.parse(RunFixtures.config(dir, extra), "eval.yaml", dir);
  }

  private static RunOutcome run(EvalConfig config, Path folder) {
    return EvalRunner.run(config, folder, ProgressFactory.silent());
  }

  @Test
  void baseline_rag_and_oracle_run_every_case_and_score_it() {
    RunOutcome outcome = run(config(""), dir.resolve("run"));
    RunResult result = outcome.result();

    assertThat(result.setups()).extracting(SetupInfo::id)
        .containsExactly("baseline", "rag", "oracle");
    assertThat(result.setups().get(0).model()).isEqualTo("llamacpp:stories260K");
    assertThat(result.setups().get(1).context())
        .isEqualTo("rag: retrieval bm25 k=2 budget=60 index=index");
    assertThat(result.results()).hasSize(9);
    assertThat(result.info().notes()).containsEntry("smoke-model",
        "stories260K is a smoke model: its answers mean nothing");
    // Identical prompts are asked once: rag and the oracle both give k-price and b-key their one
    // gold passage, and neither finds anything for c-capital, whose prompt is then the baseline's.
    assertThat(outcome.stats()).isEqualTo(new RunStats(9, 0, 9, 5, 4));
    assertThat(result.result("c-capital", "rag").orElseThrow().context()).isEmpty();

    CaseResult baseline = result.result("k-price", "baseline").orElseThrow();
    CaseResult rag = result.result("k-price", "rag").orElseThrow();
    CaseResult oracle = result.result("k-price", "oracle").orElseThrow();
    assertThat(baseline.context()).isEmpty();
    assertThat(baseline.retrieval()).isEmpty();
    assertThat(rag.retrieval()).isPresent();
    assertThat(rag.context()).isNotEmpty();
    assertThat(rag.retrieval().get().hit()).isEqualTo(1.0);
    assertThat(rag.context().get(0).docId()).isEqualTo("pricing.md");
    assertThat(oracle.context()).extracting(Passage::docId).containsExactly("pricing.md");
    assertThat(oracle.context()).allMatch(Passage::gold);
    assertThat(oracle.context().get(0).text()).contains("£29 per technician per month");
    assertThat(baseline.samples().get(0).checks()).extracting(Check::name)
        .containsExactly("fact[0]", "forbidden[0]", "reference.exact_match",
            "reference.token_f1");
    assertThat(result.result("b-key", "oracle").orElseThrow().samples().get(0).checks())
        .extracting(Check::name).contains("format.json_schema", "format.max_words",
            "policy.must_escalate", "citation.valid");
    assertThat(dir.resolve("run").resolve(RunResultJson.RESULT_FILE)).exists();
    assertThat(RunResultJson.read(dir.resolve("run").resolve(RunResultJson.RESULT_FILE)))
        .isEqualTo(result);
  }

  @Test
  void a_rerun_is_answered_by_the_cache_and_a_run_without_cache_gives_the_same_answers() {
    RunResult first = run(config(""), dir.resolve("first")).result();

    RunOutcome cached = run(config(""), dir.resolve("second"));
    RunOutcome fresh = run(config("").withCache(CacheMode.OFF), dir.resolve("third"));

    assertThat(cached.stats().cacheHits()).isEqualTo(9);
    assertThat(first.results()).hasSize(9);
    assertThat(cached.stats().modelCalls()).isZero();
    assertThat(cached.result().results()).allMatch(r -> r.samples().get(0).usage().cached()
        && r.samples().get(0).usage().latencyMillis() == 0);
    assertThat(fresh.stats().modelCalls()).isEqualTo(9);
    RunResult expected = RunFixtures.withoutTimings(first);
    assertThat(RunFixtures.withoutTimings(cached.result())).isEqualTo(expected);
    assertThat(RunFixtures.withoutTimings(fresh.result())).isEqualTo(expected);
  }

  @Test
  void replay_answers_only_from_the_cache() {
    RunResult recorded = run(config(""), dir.resolve("record")).result();

    RunOutcome replayed = run(config("").withCache(CacheMode.REPLAY), dir.resolve("replay"));
    EvalConfig changed = EvalConfigReader.parse(RunFixtures.config(dir, "").replace(
        "maxTokens: 16", "maxTokens: 17"), "eval.yaml", dir).withCache(CacheMode.REPLAY);

    assertThat(RunFixtures.withoutTimings(replayed.result()))
        .isEqualTo(RunFixtures.withoutTimings(recorded));
    assertThat(replayed.stats().modelCalls()).isZero();
    assertThatThrownBy(() -> run(changed, dir.resolve("miss")))
        .isInstanceOf(RagftException.class)
        .hasMessageStartingWith("the run stopped: the response cache has no answer for this"
            + " request and the cache mode is replay: key ");
    assertThat(dir.resolve("miss").resolve(RunJournal.FILE)).exists();
  }

  @Test
  void samples_at_a_temperature_use_seeds_derived_from_the_run_seed() throws Exception {
    EvalConfig config = config("samples: 3\ntemperature: 0.9\n");

    RunResult first = run(config, dir.resolve("a")).result();
    RunResult again = run(config.withCache(CacheMode.OFF), dir.resolve("b")).result();

    CaseResult baseline = first.result("c-capital", "baseline").orElseThrow();
    assertThat(baseline.samples()).hasSize(3);
    assertThat(baseline.samples().stream().map(s -> s.answer()).distinct().count())
        .isGreaterThan(1);
    assertThat(RunFixtures.withoutTimings(again)).isEqualTo(RunFixtures.withoutTimings(first));
    assertThat(Files.readAllLines(dir.resolve("a").resolve(RunJournal.FILE)))
        .filteredOn(line -> line.contains("\"type\":\"sample\"")).hasSize(27);
  }
}
