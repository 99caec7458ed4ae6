package dev.ragft.finetune.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.finetune.cost.CostEstimate;
import dev.ragft.finetune.cost.CostEstimator;
import dev.ragft.finetune.cost.PriceTable;
import dev.ragft.finetune.example.ExampleFiles;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.format.ExportResult;
import dev.ragft.finetune.format.Exporter;
import dev.ragft.finetune.format.Format;
import dev.ragft.finetune.format.ValidationReport;
import dev.ragft.finetune.format.Validator;
import dev.ragft.finetune.hygiene.Deduplicator;
import dev.ragft.finetune.hygiene.PiiScanner;
import dev.ragft.finetune.hygiene.StratifiedSplitter;
import dev.ragft.finetune.leakage.EvalCase;
import dev.ragft.finetune.leakage.EvalCases;
import dev.ragft.finetune.leakage.LeakageException;
import dev.ragft.finetune.leakage.LeakageGuard;
import dev.ragft.finetune.leakage.LeakagePair;
import dev.ragft.finetune.source.CorrectionSource;
import dev.ragft.finetune.source.CuratedSource;
import dev.ragft.finetune.source.ScenarioSource;
import dev.ragft.finetune.source.SourceFile;
import dev.ragft.finetune.source.TeacherSource;
import dev.ragft.finetune.token.ExampleTokens;
import dev.ragft.finetune.token.ModelTokens;
import dev.ragft.finetune.token.TokenCounter;
import dev.ragft.finetune.token.TokenReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a training set from a {@link BuildConfig}: load every source, give examples without a
 * system prompt the configured one, scan for PII (redact or flag), remove duplicates, run the
 * leakage guard (which stops the build unless allowed), split into train and validation, count
 * tokens, estimate cost, write the examples in ragft's own form and in every configured format,
 * validate each written file as read back from disk, and write the report and the manifest. Every
 * step is deterministic, so identical inputs give byte-identical outputs.
 */
public final class TrainingSetBuilder {

  /** The file name of the build report in the output folder. */
  public static final String REPORT = "build-report.json";

  /** How an {@code eval_cases} entry names a bundled scenario's cases: {@code scenario:NAME}. */
  public static final String SCENARIO_CASES = "scenario:";

  /**
   * Options that the command line can set over the configuration.
   *
   * @param excludedSources source ids (or paths) to leave out, as {@code ft forget} does
   * @param allowLeakage build even when examples overlap evaluation cases
   */
  public record Options(Set<String> excludedSources, boolean allowLeakage) {

    /** No exclusions, leakage as the configuration says. */
    public static final Options NONE = new Options(Set.of(), false);

    /** Copies the set. */
    public Options {
      excludedSources = Set.copyOf(excludedSources);
    }
  }

  private TrainingSetBuilder() {
  }

  /** Loads the configuration file and builds; relative paths resolve against its folder. */
  public static BuildResult build(Path configFile, Options options) {
    Path base = configFile.toAbsolutePath().getParent();
    return build(BuildConfig.load(configFile), base, configFile.getFileName().toString(), options);
  }

  /** Builds from a configuration whose relative paths resolve against {@code baseDir}. */
  public static BuildResult build(BuildConfig config, Path baseDir, String configName,
      Options options) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode manifest = nodes.objectNode();
    ObjectNode report = nodes.objectNode();
    manifest.put("format_version", 1).put("name", config.name());
    manifest.set("settings", settings(config, options));

    List<TrainingExample> examples = new ArrayList<>();
    ArrayNode sources = manifest.putArray("sources");
    ArrayNode unparsable = report.putArray("teacher_unparsable");
    for (BuildConfig.Source source : config.sources()) {
      if (options.excludedSources().contains(source.id())
          || (source.path() != null && options.excludedSources().contains(source.path()))) {
        continue;
      }
      examples.addAll(load(source, baseDir, configName, config.seed(), sources, unparsable));
    }
    examples = applySystemPrompt(examples, config.systemPrompt());
    requireUniqueIds(examples);
    int loaded = examples.size();

    PiiScanner pii = new PiiScanner(config.pii().scannerMode());
    List<TrainingExample> scanned = new ArrayList<>();
    ArrayNode findings = report.putArray("pii_findings");
    for (TrainingExample example : examples) {
      PiiScanner.Result result = pii.scan(example);
      scanned.add(result.example());
      result.findings().forEach(f -> findings.addObject().put("example", f.exampleId())
          .put("field", f.field()).put("kind", f.kind().name()).put("start", f.start())
          .put("end", f.end()));
    }

    List<TrainingExample> kept = scanned;
    ArrayNode removed = report.putArray("duplicates_removed");
    if (config.dedupe().enabled()) {
      BuildConfig.Dedupe d = config.dedupe();
      Deduplicator.Result dedupe = new Deduplicator(new Deduplicator.Config(d.shingle(),
          d.hashes(), d.bands(), d.threshold(), config.seed())).deduplicate(scanned);
      kept = dedupe.kept();
      dedupe.removals().forEach(r -> removed.addObject().put("removed", r.removedId())
          .put("kept", r.keptId()).put("reason", r.reason().name())
          .put("similarity", round(r.similarity())));
    }

    List<LeakagePair> pairs = leakage(config, baseDir, configName, kept, manifest);
    ArrayNode leaks = report.putArray("leakage_pairs");
    pairs.forEach(p -> leaks.addObject().put("example", p.exampleId()).put("case", p.caseId())
        .put("exact", p.exact()).put("jaccard", round(p.jaccard()))
        .put("containment", round(p.containment())));
    if (!pairs.isEmpty() && !(config.leakage().allow() || options.allowLeakage())) {
      throw new LeakageException(pairs);
    }

    StratifiedSplitter.Split split = new StratifiedSplitter(
        config.split().validationFraction(), config.seed()).split(kept);
    ObjectNode byLabel = report.putObject("split_by_label");
    split.byLabel().forEach((label, c) -> byLabel.putObject(label).put("train", c.train())
        .put("validation", c.validation()));

    BuildConfig.Model m = config.model();
    ModelTokens model = ModelTokens.resolve(m.baseModel(), m.tokenizer(), m.maxTokensPerExample());
    TokenReport trainTokens;
    TokenReport validationTokens;
    try (TokenCounter counter = model.open(baseDir)) {
      ExampleTokens tokens = new ExampleTokens(counter, model.formula());
      OptionalInt limit = model.limit() > 0 ? OptionalInt.of(model.limit()) : OptionalInt.empty();
      trainTokens = TokenReport.of(split.train(), tokens, limit, false);
      validationTokens = TokenReport.of(split.validation(), tokens, limit, false);
      Path outDir = baseDir.resolve(config.output());
      List<ValidationReport> validations = new ArrayList<>();
      ArrayNode outputs = manifest.putArray("outputs");
      write(outDir, "train.ragft.jsonl", ExampleFiles.encode(split.train()), split.train().size(), "ragft", outputs);
      write(outDir, "validation.ragft.jsonl", ExampleFiles.encode(split.validation()),
          split.validation().size(), "ragft", outputs);
      ArrayNode skippedNode = report.putArray("skipped_by_format");
      for (Format format : config.exportFormats()) {
        for (String part : List.of("train", "validation")) {
          List<TrainingExample> set = part.equals("train") ? split.train() : split.validation();
          String file = part + "." + format.cliName() + ".jsonl";
          ExportResult result = Exporter.export(set, format, outDir.resolve(file));
          outputs.addObject().put("file", file).put("format", format.cliName())
              .put("examples", result.written()).put("sha256", result.sha256());
          if (!result.skipped().isEmpty()) {
            skippedNode.addObject().put("file", file).put("skipped", result.skipped().size());
          }
          Validator.TokenBudget budget = limit.isPresent()
              ? new Validator.TokenBudget(tokens, limit.getAsInt(),
              model.model() != null ? model.model() : counter.name()) : null;
          validations.add(Validator.validate(outDir.resolve(file), format, budget,
              part.equals("train")));
        }
      }
      return finish(config, outDir, manifest, report, loaded, findings.size(), removed.size(),
          pairs, split, trainTokens, validationTokens, validations, model, baseDir);
    }
  }

  private static BuildResult finish(BuildConfig config, Path outDir, ObjectNode manifest,
      ObjectNode report, int loaded, int piiFindings, int duplicates, List<LeakagePair> pairs,
      StratifiedSplitter.Split split, TokenReport trainTokens, TokenReport validationTokens,
      List<ValidationReport> validations, ModelTokens model, Path baseDir) {
    ObjectNode counts = manifest.putObject("counts");
    counts.put("loaded", loaded).put("pii_findings", piiFindings)
        .put("duplicates_removed", duplicates).put("leakage_pairs", pairs.size())
        .put("train", split.train().size()).put("validation", split.validation().size())
        .put("preference_pairs", split.train().stream().filter(TrainingExample::isPreferencePair).count());
    ObjectNode tokens = manifest.putObject("tokens");
    tokens.put("tokenizer", trainTokens.tokenizer()).put("max_tokens_per_example", model.limit());
    tokens.set("train", stats(trainTokens));
    tokens.set("validation", stats(validationTokens));

    List<String> warnings = new ArrayList<>();
    trainTokens.overLimit().forEach(o -> warnings.add(o.warning()));
    validationTokens.overLimit().forEach(o -> warnings.add(o.warning()));
    ArrayNode truncation = report.putArray("truncation_warnings");
    warnings.forEach(truncation::add);

    CostEstimate cost = null;
    if (model.model() != null && !split.train().isEmpty()) {
      PriceTable prices = PriceTable.bundled();
      if (config.model().prices() != null) {
        prices = prices.withOverrides(baseDir.resolve(config.model().prices()));
      }
      OptionalInt epochs = config.model().epochs() == null ? OptionalInt.empty()
          : OptionalInt.of(config.model().epochs());
      cost = CostEstimator.estimate(model.model(), trainTokens, epochs, prices);
      ObjectNode costNode = report.putObject("cost");
      costNode.put("model", cost.model()).put("epochs", cost.epochs())
          .put("automatic_epochs", cost.automaticEpochs())
          .put("billable_tokens_per_epoch", cost.billableTokensPerEpoch())
          .put("billed_tokens", cost.billedTokens());
      if (cost.price() != null) {
        costNode.put("usd", cost.usdRounded().orElseThrow().toPlainString())
            .put("price_usd_per_million", cost.price().usdPerMillionTrainingTokens().toPlainString())
            .put("price_as_of", cost.price().asOf().toString())
            .put("price_source", cost.price().source());
      } else {
        costNode.put("usd", "unknown: no price for " + cost.model() + " in the price table");
      }
    }

    ObjectNode checked = report.putObject("validation");
    for (ValidationReport v : validations) {
      ArrayNode list = checked.putArray(v.source());
      v.violations().forEach(violation -> list.add(violation.toString()));
    }
    Manifest result = new Manifest(manifest);
    byte[] manifestBytes = result.bytes();
    Exporter.writeAtomically(outDir.resolve(Manifest.FILE), manifestBytes);
    Exporter.writeAtomically(outDir.resolve(Manifest.HISTORY).resolve(result.sha256() + ".json"),
        manifestBytes);
    report.put("manifest_sha256", result.sha256());
    Exporter.writeAtomically(outDir.resolve(REPORT), Manifest.toBytes(report));
    return new BuildResult(outDir, result, report, split.train().size(),
        split.validation().size(), validations, pairs, warnings, cost);
  }

  private static List<TrainingExample> load(BuildConfig.Source source, Path baseDir,
      String configName, long seed, ArrayNode sources, ArrayNode unparsable) {
    ObjectNode node = sources.addObject();
    node.put("id", source.id()).put("kind", source.kind());
    if (source.licence() != null) {
      node.put("licence", source.licence());
    } else {
      node.putNull("licence");
    }
    ArrayNode files = node.putArray("files");
    String field = "sources[" + source.id() + "]";
    List<TrainingExample> examples;
    switch (source.kind()) {
      case "curated", "corrections" -> {
        SourceFile file = SourceFile.of(source.path(), baseDir, configName, field + ".path");
        files.addObject().put("path", file.name()).put("sha256", file.sha256());
        examples = source.kind().equals("curated")
            ? CuratedSource.read(source.id(), file, source.licence(), source.label())
            : CorrectionSource.read(source.id(), file, source.licence(), source.label());
      }
      case "scenario" -> {
        Scenario scenario = scenario(source.scenario(), configName, field + ".scenario");
        files.addObject().put("path", ScenarioSource.examplesFile(scenario))
            .put("sha256", ScenarioSource.examplesSha256(scenario));
        files.addObject().put("path", ScenarioSource.pairsFile(scenario))
            .put("sha256", ScenarioSource.pairsSha256(scenario));
        examples = ScenarioSource.read(source.id(), scenario, source.licence(), source.label());
      }
      case "teacher" -> {
        TeacherSource.Input input = TeacherStep.prepare(source, baseDir, configName, field,
            files);
        TeacherSource.Result result = TeacherSource.read(source.id(), input, source.licence(),
            source.label(), new TeacherSource.Settings(source.questionsPerChunk(), source.plain(),
                source.retrievalAware(), source.distractors(), seed));
        result.unparsable().forEach(u -> unparsable.addObject().put("source", source.id())
            .put("chunk", u.chunkId()).put("problem", u.problem()));
        examples = result.examples();
      }
      default -> throw new IllegalStateException("BuildConfig admits no source kind "
          + source.kind());
    }
    node.put("examples", examples.size());
    return examples;
  }

  private static List<LeakagePair> leakage(BuildConfig config, Path baseDir, String configName,
      List<TrainingExample> examples, ObjectNode manifest) {
    ArrayNode casesNode = manifest.putArray("eval_cases");
    List<EvalCase> cases = new ArrayList<>();
    for (int i = 0; i < config.evalCases().size(); i++) {
      String entry = config.evalCases().get(i);
      String field = "eval_cases[" + i + "]";
      List<EvalCase> read;
      if (entry.startsWith(SCENARIO_CASES)) {
        Scenario scenario = scenario(entry.substring(SCENARIO_CASES.length()), configName, field);
        read = EvalCases.of(scenario.cases());
        casesNode.addObject().put("path", entry)
            .put("sha256", ScenarioSource.casesSha256(scenario)).put("cases", read.size());
      } else {
        SourceFile file = SourceFile.of(entry, baseDir, configName, field);
        read = EvalCases.read(file.path());
        casesNode.addObject().put("path", file.name()).put("sha256", file.sha256())
            .put("cases", read.size());
      }
      cases.addAll(read);
    }
    if (cases.isEmpty()) {
      return List.of();
    }
    BuildConfig.Leakage l = config.leakage();
    return new LeakageGuard(new LeakageGuard.Config(l.ngram(), l.jaccard(), l.containment()), cases)
        .check(examples);
  }

  private static Scenario scenario(String name, String configName, String field) {
    return Scenarios.find(name).orElseThrow(() -> new InputException(configName, 0, field,
        "names no bundled scenario (\"" + name + "\"); the bundled scenarios are: "
            + String.join(", ", Scenarios.names())));
  }

  private static ObjectNode settings(BuildConfig config, Options options) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("seed", config.seed());
    if (config.systemPrompt() != null) {
      s.put("system_prompt_sha256", Hashes.sha256(config.systemPrompt()));
    }
    BuildConfig.Dedupe d = config.dedupe();
    s.putObject("dedupe").put("enabled", d.enabled()).put("shingle", d.shingle())
        .put("hashes", d.hashes()).put("bands", d.bands()).put("threshold", d.threshold());
    BuildConfig.Leakage l = config.leakage();
    s.putObject("leakage").put("allow", l.allow() || options.allowLeakage()).put("ngram", l.ngram())
        .put("jaccard", l.jaccard()).put("containment", l.containment());
    s.putObject("pii").put("mode", config.pii().mode());
    s.putObject("split").put("validation_fraction", config.split().validationFraction());
    ArrayNode formats = s.putArray("formats");
    config.exportFormats().forEach(f -> formats.add(f.cliName()));
    BuildConfig.Model m = config.model();
    ObjectNode model = s.putObject("model");
    model.put("base_model", m.baseModel()).put("tokenizer", m.tokenizer());
    if (m.maxTokensPerExample() != null) {
      model.put("max_tokens_per_example", m.maxTokensPerExample());
    }
    if (m.epochs() != null) {
      model.put("epochs", m.epochs());
    }
    ArrayNode excluded = s.putArray("excluded_sources");
    new TreeSet<>(options.excludedSources()).forEach(excluded::add);
    return s;
  }

  private static List<TrainingExample> applySystemPrompt(List<TrainingExample> examples,
      String systemPrompt) {
    if (systemPrompt == null || systemPrompt.isBlank()) {
      return examples;
    }
    return examples.stream().map(e -> e.system() == null ? e.withSystem(systemPrompt) : e).toList();
  }

  private static void requireUniqueIds(List<TrainingExample> examples) {
    Set<String> seen = new HashSet<>();
    for (TrainingExample example : examples) {
      if (!seen.add(example.id())) {
        throw new InputException(example.provenance().file(), example.provenance().line(), "id",
            "repeats the example id " + example.id());
      }
    }
  }

  private static void write(Path outDir, String file, byte[] bytes, int examples, String format,
      ArrayNode outputs) {
    Exporter.writeAtomically(outDir.resolve(file), bytes);
    outputs.addObject().put("file", file).put("format", format).put("examples", examples)
        .put("sha256", Hashes.sha256(bytes));
  }

  private static ObjectNode stats(TokenReport tokens) {
    var s = tokens.stats();
    return JsonNodeFactory.instance.objectNode().put("examples", s.examples())
        .put("total", s.total()).put("min", s.min()).put("median", s.median()).put("p95", s.p95())
        .put("max", s.max()).put("billable", tokens.billableTokens());
  }

  private static double round(double value) {
    return Math.round(value * 1_000_000d) / 1_000_000d;
  }
}
