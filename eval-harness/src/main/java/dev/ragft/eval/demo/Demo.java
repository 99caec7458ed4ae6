package dev.ragft.eval.demo;

import dev.ragft.common.FileTrees;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Progress;
import dev.ragft.common.RagftException;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.eval.compare.RunComparison;
import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.config.EvalConfigReader;
import dev.ragft.eval.config.RetrievalSpec;
import dev.ragft.eval.context.Corpus;
import dev.ragft.eval.context.IndexPreparer;
import dev.ragft.eval.report.Report;
import dev.ragft.eval.report.ReportOptions;
import dev.ragft.eval.report.ReportWriter;
import dev.ragft.eval.run.EvalRunner;
import dev.ragft.eval.run.ProgressFactory;
import dev.ragft.eval.run.RunEnvironment;
import dev.ragft.eval.run.RunFolder;
import dev.ragft.eval.run.RunOutcome;
import dev.ragft.eval.stats.StatsConfig;
import dev.ragft.finetune.build.BuildResult;
import dev.ragft.finetune.build.ScenarioTrainingSets;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.catalog.ResolvedModel;
import dev.ragft.rag.index.IndexStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The main job, step by step: index corpus version 1, build the behaviour training set,
 * fine-tune, evaluate every setup, then update the index to version 2 and evaluate again. Every
 * step's files stay under {@link DemoOptions#out()}; running the demo again with the same options
 * reuses what is there (an unchanged index, a finished fine-tuning job, the journals and the
 * response cache), so an interrupted demo carries on where it stopped.
 *
 * <p>What the demo prints on {@code out} (the steps, the tables, the diagnosis, the report paths)
 * is also written to {@code summary.md}; progress lines go to standard error.
 */
public final class Demo {

  /** The summary file under the output folder. */
  public static final String SUMMARY = "summary.md";

  private final DemoOptions options;
  private final PrintWriter console;
  private final ProgressFactory progress;
  private final StringWriter transcript = new StringWriter();
  private final PrintWriter out;

  /**
   * Creates the demo.
   *
   * @param options what it runs with
   * @param console where its text goes
   * @param progress the progress lines of long steps
   */
  public Demo(DemoOptions options, PrintWriter console, ProgressFactory progress) {
    this.options = Objects.requireNonNull(options, "options");
    this.console = Objects.requireNonNull(console, "console");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.out = new PrintWriter(new TeeWriter(console, transcript), true);
  }

  /** Runs every step and returns what they produced. */
  public DemoResult run() {
    Scenario scenario = Scenarios.demo();
    List<String> versions = scenario.versions();
    String first = versions.get(0);
    String last = versions.get(versions.size() - 1);
    Path dir = options.out().toAbsolutePath().normalize();
    createDirectories(dir);

    DemoModel model = DemoModel.resolve(options, () -> ModelStore.standard());
    out.println("ragft demo: " + scenario.title() + " — corpus " + first + ", then " + last);
    out.println("  model: " + model.describe());
    out.println("  cases: " + (options.cases() == null ? "all"
        : options.cases() + " per corpus version, stratified by category (--cases all for"
        + " every case)"));
    out.println("  output: " + dir);
    if (model.smoke()) {
      out.println();
      out.println("WARNING: " + model.name() + " is a smoke model. It shows that every step runs"
          + " end to end; its answers mean nothing, and so do the pass rates and the diagnosis"
          + " below. Run the demo with a real model for a meaningful result (see README.md).");
    }

    RetrievalSpec rag = DemoConfigs.retrieval(options);
    out.println();
    out.println("[1/6] Indexing corpus " + first + " (BM25 and dense vectors in one Lucene index)");
    IndexStats indexed = index(scenario, first, dir, rag);
    out.println("  " + indexed.summary());

    out.println();
    out.println("[2/6] Building the behaviour training set");
    BuildResult training = ScenarioTrainingSets.buildDemo(dir.resolve(DemoConfigs.TRAINING));
    out.println("  " + training.train() + " training and " + training.validation()
        + " validation examples in " + relative(dir, training.outputDir())
        + "; the leakage guard found " + training.leakage().size() + " overlaps with the "
        + scenario.cases().size() + " failure cases");

    out.println();
    out.println("[3/6] Fine-tuning");
    Optional<DemoTraining.Trained> trained = new DemoTraining(options, model, progress, out)
        .train(dir, training);

    out.println();
    out.println("[4/6] Evaluating every setup on corpus " + first);
    RunOutcome before = evaluate(scenario, first, dir, model, trained);
    out.println();
    out.println("[5/6] Updating the index to corpus " + last + " (changed documents replaced)");
    IndexStats updated = index(scenario, last, dir, rag);
    out.println("  " + updated.summary());

    out.println();
    out.println("[6/6] Evaluating every setup on corpus " + last);
    RunOutcome after = evaluate(scenario, last, dir, model, trained);

    Set<String> changedCases = new HashSet<>();
    for (FailureCase c : scenario.cases()) {
      if (c.corpusVersion().map(last::equals).orElse(false)) {
        changedCases.add(c.id());
      }
    }
    Freshness freshness = Freshness.of(after.result(), scenario.changedFacts(), first, last,
        changedCases);
    out.println();
    DemoText.freshness(out, freshness);
    RunComparison comparison = RunComparison.of(before.result(), after.result(),
        StatsConfig.DEFAULT);
    out.println();
    DemoText.comparison(out, comparison, first, last);

    Path reportBefore = DemoConfigs.runDir(dir, first).resolve(ReportWriter.Format.HTML
        .fileName());
    Path reportAfter = DemoConfigs.runDir(dir, last).resolve(ReportWriter.Format.HTML
        .fileName());
    out.println();
    if (model.smoke()) {
      out.println("Reminder: " + model.name() + " is a smoke model; these numbers mean nothing.");
    }
    out.println("Summary: " + dir.resolve(SUMMARY));
    out.println("Report (corpus " + first + "): " + reportBefore);
    out.println("Report (corpus " + last + "): " + reportAfter);
    out.flush();
    writeSummary(dir);
    return new DemoResult(dir, before, after, freshness, comparison, trained.isPresent(),
        model.smoke(), reportBefore, reportAfter);
  }

  private IndexStats index(Scenario scenario, String version, Path dir, RetrievalSpec rag) {
    InputProblems problems = InputProblems.collecting();
    Corpus corpus = Corpus.ofScenario(scenario, version, dir.resolve(DemoConfigs.WORK),
        problems);
    RetrievalSpec resolved = rag.withIndex(dir.resolve(rag.index()).toString());
    try (Progress bar = progress.create("indexing " + version, corpus.documents().size(), "docs",
        "docs")) {
      return IndexPreparer.prepare(resolved, corpus, problems, bar);
    }
  }

  private RunOutcome evaluate(Scenario scenario, String version, Path dir, DemoModel model,
      Optional<DemoTraining.Trained> trained) {
    List<String> ids = DemoCases.select(scenario.cases(), scenario.versions(), version,
        options.cases(), options.seed());
    Path configFile = dir.resolve("eval-" + version + ".yaml");
    String yaml = DemoConfigs.evalYaml(options, model, trained, version, ids);
    writeString(configFile, yaml);
    EvalConfig config = EvalConfigReader.read(configFile);
    Path runDir = DemoConfigs.runDir(dir, version);
    if (RunFolder.holdsOther(runDir, config)) {
      out.println("  " + relative(dir, runDir) + " held a run of other settings; starting it"
          + " again (replies already made come from the response cache)");
      deleteTree(runDir);
    }
    out.println("  configuration: " + relative(dir, configFile) + " (rerun it with: ragft eval"
        + " run --config " + configFile + " --out " + runDir + ")");
    RunOutcome outcome = new EvalRunner(RunEnvironment.of(progress)).run(config, runDir);
    Report report = Report.of(outcome.result(), ReportOptions.DEFAULT);
    ReportWriter.write(report, runDir, EnumSet.allOf(ReportWriter.Format.class));
    out.println();
    DemoText.results(out, report, outcome.costs());
    return outcome;
  }

  private void writeSummary(Path dir) {
    String text = "```\n" + transcript + "```\n";
    writeString(dir.resolve(SUMMARY), text);
  }

  private static String relative(Path dir, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(dir) ? dir.relativize(absolute).toString() : absolute.toString();
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new RagftException("cannot create the output folder " + dir + ": " + e.getMessage(),
          e);
    }
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path root) {
    try {
      FileTrees.delete(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
    }
  }


}
