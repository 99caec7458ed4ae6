package dev.ragft.eval.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.provider.Provider;
import java.nio.file.Path;
import java.util.List;
import dev.ragft.rag.retrieve.VectorFeedback;
import org.junit.jupiter.api.Test;

/** Strict reading of evaluation configurations: defaults, paths, and file:line errors. */
class EvalConfigReaderTest {

  private static final Path BASE = Path.of("/work/project");
  private static final String MINIMAL = """
      cases:
        scenario: wrenbolt
      models:
        base:
          model: models/tiny.gguf
      """;

  private static EvalConfig parse(String yaml) {
    return EvalConfigReader.parse(yaml, "eval.yaml", BASE);
  }

  private static void fails(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InputException.class)
        .hasMessage(message);
  }

  @Test
  void a_minimal_configuration_takes_every_default() {
    EvalConfig config = parse(MINIMAL);

    assertThat(config.runId()).matches("run-[0-9a-f]{12}");
    assertThat(config.seed()).isEqualTo(42L);
    assertThat(config.samples()).isEqualTo(1);
    assertThat(config.temperature()).isEqualTo(0.0);
    assertThat(config.maxTokens()).isEqualTo(256);
    assertThat(config.cache()).isEqualTo(CacheMode.READ_WRITE);
    assertThat(config.models().get("base").provider()).isEqualTo(Provider.LLAMACPP);
    assertThat(config.models().get("base").model()).isEqualTo("/work/project/models/tiny.gguf");
    assertThat(config.setups()).isEmpty();
    assertThat(DefaultSetups.of(config)).containsExactly(
        SetupSpec.of("baseline", "base", "none", "support", false));
    assertThat(parse(MINIMAL).runId()).isEqualTo(config.runId());
  }

  @Test
  void the_default_matrix_grows_with_what_is_configured() {
    EvalConfig config = parse("""
        cases:
          scenario: wrenbolt
        models:
          base:
            model: models/tiny.gguf
          finetuned:
            model: models/tiny.gguf
            adapters: [out/adapter.gguf=0.5]
        corpus:
          scenario: wrenbolt
        retrieval:
          rag:
            index: out/index
        """);

    assertThat(DefaultSetups.of(config)).extracting(SetupSpec::id, SetupSpec::model,
        SetupSpec::context).containsExactly(
        org.assertj.core.groups.Tuple.tuple("baseline", "base", "none"),
        org.assertj.core.groups.Tuple.tuple("rag", "base", "rag"),
        org.assertj.core.groups.Tuple.tuple("finetuned", "finetuned", "none"),
        org.assertj.core.groups.Tuple.tuple("hybrid", "finetuned", "rag"),
        org.assertj.core.groups.Tuple.tuple("oracle", "base", "oracle"));
    assertThat(config.models().get("finetuned").adapters())
        .containsExactly("/work/project/out/adapter.gguf=0.5");
    assertThat(config.retrieval().get("rag").index()).isEqualTo("/work/project/out/index");
  }

  @Test
  void a_retrieval_context_takes_fusion_weights_and_vector_feedback() {
    EvalConfig config = parse(MINIMAL + """
        retrieval:
          rag:
            index: out/index
            fusion: zscore
            weights: [0.3, 0.5, 0.2]
            feedback: 1
        """);
    RetrievalSpec rag = config.retrieval().get("rag");
    assertThat(rag.retrievalConfig().fusion().weights()).containsExactly(0.3, 0.5, 0.2);
    assertThat(rag.retrievalConfig().feedback()).isEqualTo(new VectorFeedback(1, 0.8));
    assertThat(rag.describe()).isEqualTo("retrieval hybrid k=5 budget=1024 "
        + "weights=0.3,0.5,0.2 feedback=1@0.8 index=index");
    assertThat(parse(MINIMAL + "retrieval:\n  rag: {index: out/index}\n").retrieval().get("rag")
        .retrievalConfig().feedback()).isEqualTo(VectorFeedback.OFF);
    fails(MINIMAL + """
        retrieval:
          rag: {index: out/index, feedback: 1, feedbackWeight: 2}
        """, "eval.yaml:7: field \"retrieval.rag\" the query's weight in feedback must be in"
        + " [0, 1], but is: 2.0");
    fails(MINIMAL + """
        retrieval:
          rag: {index: out/index, feedbackWeight: 0.5}
        """, "eval.yaml:7: field \"retrieval.rag\" a feedback weight (0.5) needs feedback chunks"
        + " (1 or more), but there are 0");
  }

  @Test
  void an_unknown_setting_names_its_line_and_the_known_ones() {
    fails(MINIMAL + "sampels: 3\n", "eval.yaml:6: field \"sampels\" is not a known setting;"
        + " the known settings here are: cache, cacheDir, cases, concurrency, corpus, costs,"
        + " judge, maxTokens, models, oracleBudget, rateLimits, referenceF1, registered,"
        + " responseSchema, retrieval, retry, runId, samples, seed, setups, systemPrompt,"
        + " temperature, templates");
  }

  @Test
  void a_setup_naming_an_unknown_model_is_reported_at_its_line() {
    fails(MINIMAL + """
        setups:
          - {id: baseline, model: base}
          - id: tuned
            model: tunde
        """, "eval.yaml:9: field \"setups[1].model\" names no configured model: \"tunde\";"
        + " the models are: base");
  }

  @Test
  void a_bad_value_in_a_nested_record_gives_its_path_and_the_reason() {
    fails(MINIMAL + """
        setups:
          - id: Baseline
            model: base
        """, "eval.yaml:7: field \"setups[0]\" setup id \"Baseline\" is not of the form"
        + " [a-z0-9][a-z0-9._-]{0,63}");
    fails(MINIMAL + "samples: 0\n", "eval.yaml:6: field \"samples\" must be >= 1, but is: 0");
    fails(MINIMAL + "samples: many\n", "eval.yaml:6: field \"samples\" has the wrong form:"
        + " Cannot deserialize value of type `java.lang.Integer` from String \"many\": not a"
        + " valid `java.lang.Integer` value");
  }

  @Test
  void run_wide_settings_on_a_model_and_repeated_keys_are_errors() {
    fails(MINIMAL + "    temperature: 0.5\n", "eval.yaml:6: field \"models.base.temperature\""
        + " is a run-wide setting: set it at the top of the file (maxRetries: under"
        + " retry.attempts)");
    assertThatThrownBy(() -> parse(MINIMAL + "seed: 1\nseed: 2\n"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("eval.yaml:7: is not valid YAML: Duplicate field 'seed'");
  }

  @Test
  void a_yaml_boolean_is_not_taken_for_text() {
    fails(MINIMAL + "setups: [{id: off, model: base}]\n", "eval.yaml:6: field \"setups[0].id\""
        + " is the boolean false, not text: YAML reads unquoted on, off, yes and no as true or"
        + " false; quote the text");
  }

  @Test
  void contexts_templates_and_registered_models_must_exist() {
    fails(MINIMAL + "setups: [{id: a, model: base, context: rag}]\n",
        "eval.yaml:6: field \"setups[0].context\" must be none, oracle or a retrieval under"
            + " retrieval, but is: \"rag\"");
    fails(MINIMAL + "setups: [{id: a, model: base, context: oracle}]\n",
        "eval.yaml:6: field \"setups[0].context\" is oracle, which needs a corpus to take the"
            + " gold documents from");
    fails(MINIMAL + "setups: [{id: a, model: base, template: fancy}]\n",
        "eval.yaml:6: field \"setups[0].template\" names no template: \"fancy\"; built in are"
            + " support, plain, numbered");
    fails(MINIMAL + "registered:\n  tuned: {job: ft-1, from: other}\n",
        "eval.yaml:7: field \"registered.tuned.from\" names no model under models: \"other\"");
  }

  @Test
  void custom_templates_and_case_files_resolve() {
    EvalConfig config = parse("""
        cases:
          files: [cases/a.yaml, cases/b.jsonl]
          categories: [knowledge, control]
        models:
          m: {provider: openai-compatible, model: gpt-4o-mini-2024-07-18}
        templates:
          terse: {system: "", passage: "- {text}"}
        setups:
          - {id: t, model: m, template: terse}
        """);

    assertThat(config.cases().files()).containsExactly("/work/project/cases/a.yaml",
        "/work/project/cases/b.jsonl");
    assertThat(config.cases().categoryValues()).hasSize(2);
    assertThat(config.setups()).containsExactly(new SetupSpec("t", "m", List.of(), "none",
        "terse", false));
    assertThat(config.models().get("m").baseUrl()).isEqualTo("https://api.openai.com/v1");
  }
}
