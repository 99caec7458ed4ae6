package dev.ragft.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.CacheDirs;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.common.Progress;
import dev.ragft.common.RagftException;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.config.JudgeSpec;
import dev.ragft.eval.config.RetrievalSpec;
import dev.ragft.eval.config.SetupSpec;
import dev.ragft.eval.context.ContextSource;
import dev.ragft.eval.context.Corpus;
import dev.ragft.eval.context.IndexPreparer;
import dev.ragft.eval.context.OracleContext;
import dev.ragft.eval.context.RetrievalContext;
import dev.ragft.eval.cost.InferencePrices;
import dev.ragft.eval.judge.JudgeCalibration;
import dev.ragft.eval.judge.JudgeScorer;
import dev.ragft.eval.judge.LabelledReply;
import dev.ragft.eval.judge.LlmJudge;
import dev.ragft.eval.prompt.Templates;
import dev.ragft.eval.result.RunInfo;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.score.ReplyScoring;
import dev.ragft.model.UserCache;
import dev.ragft.model.llamacpp.LoraAdapter;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.Provider;
import dev.ragft.rag.token.HfTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a run needs, prepared before the first sample: the selected cases, the corpus,
 * indexes built where asked, the models opened, each setup's context source and template, the
 * judge (calibrated when a labelled set is given) and the run's description. Closes what it
 * opened.
 */
final class RunPlan implements AutoCloseable {

  private final List<AutoCloseable> resources = new ArrayList<>();
  private List<FailureCase> cases;
  private List<Setup> setups;
  private ModelPool models;
  private SampleMaker maker;
  private RunInfo info;
  private final List<String> costNotes = new ArrayList<>();

  private RunPlan() {
  }

  static RunPlan prepare(EvalConfig config, Path folder, RunEnvironment environment) {
    RunPlan plan = new RunPlan();
    try {
      plan.build(config, folder, environment);
      return plan;
    } catch (RuntimeException e) {
      try {
        plan.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void build(EvalConfig config, Path folder, RunEnvironment environment) {
    Map<String, String> notes = new TreeMap<>();
    InputProblems problems = InputProblems.collecting();
    Map<String, Scenario> scenarios = new TreeMap<>();
    Corpus corpus = null;
    if (config.corpus() != null) {
      corpus = config.corpus().scenario() == null
          ? Corpus.ofFolder(Path.of(config.corpus().path()), config.corpus().version(), problems)
          : Corpus.ofScenario(scenarios.computeIfAbsent(config.corpus().scenario(),
              Scenarios::load), config.corpus().version(), folder.resolve("corpus"), problems);
    }
    String version = config.cases().version() != null ? config.cases().version()
        : corpus != null ? corpus.version() : null;
    Scenario scenario = config.cases().scenario() == null ? null
        : scenarios.computeIfAbsent(config.cases().scenario(), Scenarios::load);
    cases = CaseLoader.load(config.cases(), scenario, version);
    String systemPrompt = config.systemPrompt() != null ? config.systemPrompt()
        : scenario != null ? scenario.systemPrompt() : "";
    JsonNode runSchema = schema(config.responseSchema(),
        scenario == null ? null : scenario.responseSchema());
    models = own(new ModelPool(config, environment.opener(), config.cacheDir() != null
        ? Path.of(config.cacheDir()) : UserCache.root().resolve("responses"),
        environment.nanoClock(), environment.sleeper()));
    Map<String, ContextSource> sources = contexts(config, corpus, problems, environment);
    InferencePrices prices = config.costs().prices() == null ? InferencePrices.bundled()
        : InferencePrices.bundled().withOverrides(Path.of(config.costs().prices()));
    setups = new ArrayList<>();
    TreeSet<String> unpriced = new TreeSet<>();
    for (SetupSpec spec : config.setups()) {
      ChatModelConfig model = models.resolve(spec.model(), spec.adapters());
      ModelHandle handle = models.open(model);
      if (handle.smoke()) {
        notes.put("smoke-model", handle.name() + " is a smoke model: its answers mean nothing");
      }
      if (handle.provider() != Provider.LLAMACPP && prices.find(handle.name()).isEmpty()) {
        unpriced.add(handle.name());
      }
      setups.add(new Setup(spec, handle, sources.get(spec.context()),
          Templates.resolve(spec.template(), config.templates(), systemPrompt),
          new SetupInfo(spec.id(), handle.provider().id() + ":" + handle.name(),
              adapter(config, spec, model), sources.get(spec.context()).describe(),
              spec.template(), spec.constrained())));
    }
    if (!unpriced.isEmpty()) {
      String note = "no price for " + String.join(", ", unpriced) + ": their calls count as $0;"
          + " add them to a price file (costs.prices)";
      notes.put("unpriced-models", note);
      costNotes.add(note);
    }
    ReplyScoring scoring = ReplyScoring.deterministic(config.referenceF1());
    if (config.judge() != null) {
      scoring = scoring.with(judge(config.judge(), folder, notes, environment));
    }
    if (problems.total() > 0) {
      notes.put("corpus-problems", problems.total() + " documents could not be read: "
          + problems.messages().get(0));
    }
    maker = new SampleMaker(config.temperature(), config.maxTokens(), config.seed(), runSchema,
        scoring, prices);
    String dataset = scenario != null ? "scenario " + scenario.name() : String.join(", ",
        config.cases().files().stream().map(f -> Path.of(f).getFileName().toString()).toList());
    info = new RunInfo(config.runId(), dataset, version == null ? "" : version, config.seed(),
        config.samples(), config.temperature(), notes);
  }

  private Map<String, ContextSource> contexts(EvalConfig config, Corpus corpus,
      InputProblems problems, RunEnvironment environment) {
    Map<String, ContextSource> sources = new LinkedHashMap<>();
    sources.put(SetupSpec.NO_CONTEXT, ContextSource.NONE);
    HfTokenizer tokenizer = null;
    for (SetupSpec spec : config.setups()) {
      String name = spec.context();
      if (sources.containsKey(name)) {
        continue;
      }
      if (tokenizer == null) {
        tokenizer = own(HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL));
      }
      if (corpus == null && (name.equals(SetupSpec.ORACLE)
          || config.retrieval().get(name).build() != null)) {
        throw new RagftException("setup " + spec.id() + " needs a corpus (context " + name
            + "), but the configuration has none");
      }
      if (name.equals(SetupSpec.ORACLE)) {
        sources.put(name, new OracleContext(corpus, tokenizer, config.oracleBudget()));
        continue;
      }
      RetrievalSpec retrieval = config.retrieval().get(name);
      if (retrieval.build() != null) {
        try (Progress progress = environment.progress().create("indexing " + name,
            corpus.documents().size(), "docs", "chunks")) {
          IndexPreparer.prepare(retrieval, corpus, problems, progress);
        }
      } else if (!Files.isDirectory(Path.of(retrieval.index()))) {
        throw new RagftException("retrieval " + name + " reads the index " + retrieval.index()
            + ", which does not exist; build it with 'ragft index' or give the retrieval a"
            + " build section");
      }
      sources.put(name, own(RetrievalContext.open(name, retrieval, tokenizer,
          CacheDirs.embeddings())));
    }
    return sources;
  }

  private JudgeScorer judge(JudgeSpec spec, Path folder, Map<String, String> notes,
      RunEnvironment environment) {
    ModelHandle handle = models.open(models.resolve(spec.model(), List.of()));
    LlmJudge judge = new LlmJudge(handle.asChatModel(), spec.maxTokens());
    if (spec.calibration() == null) {
      notes.put("judge", handle.name() + " without a calibration set: its checks are"
          + " informational");
      return new JudgeScorer(judge, false);
    }
    List<LabelledReply> labelled = LabelledReply.read(Path.of(spec.calibration()));
    JudgeCalibration calibration;
    try (Progress progress = environment.progress().create("judge calibration",
        labelled.size(), "replies", "replies")) {
      calibration = JudgeCalibration.run(judge, labelled, spec.minKappa());
      progress.advance(labelled.size());
    }
    CalibrationFile.write(calibration, folder.resolve(CalibrationFile.FILE));
    notes.put("judge", handle.name() + ": " + calibration.describe());
    return new JudgeScorer(judge, calibration.gates());
  }

  private static String adapter(EvalConfig config, SetupSpec spec, ChatModelConfig model) {
    List<String> parts = new ArrayList<>();
    if (config.registered().containsKey(spec.model())) {
      parts.add("job " + config.registered().get(spec.model()).job());
    }
    for (String adapter : model.adapters()) {
      LoraAdapter parsed = LoraAdapter.parse(adapter);
      parts.add(parsed.file().getFileName() + "=" + parsed.scale());
    }
    return String.join(", ", parts);
  }

  private static JsonNode schema(JsonNode configured, JsonNode fallback) {
    if (configured == null) {
      return fallback;
    }
    if (configured.isTextual()) {
      try {
        return Json.mapper().readTree(configured.asText());
      } catch (JsonProcessingException e) {
        throw new RagftException("responseSchema is not valid JSON: " + e.getOriginalMessage(),
            e);
      }
    }
    return configured;
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  List<FailureCase> cases() {
    return cases;
  }

  List<Setup> setups() {
    return setups;
  }

  ModelPool models() {
    return models;
  }

  SampleMaker maker() {
    return maker;
  }

  RunInfo info() {
    return info;
  }

  List<String> costNotes() {
    return List.copyOf(costNotes);
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        RuntimeException wrapped = e instanceof RuntimeException r ? r
            : new RagftException("cannot close " + resources.get(i) + ": " + e.getMessage(), e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    resources.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
