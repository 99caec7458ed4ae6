package dev.ragft.cli;

import dev.ragft.common.RagftException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import dev.ragft.common.Progress;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.load.CorpusLoader;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.load.DocumentFormat;
import dev.ragft.rag.load.LoadConfig;
import dev.ragft.rag.pipeline.CorpusSize;
import dev.ragft.rag.pipeline.IndexBuild;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ragft index}: builds or updates an index from files and folders. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {
        "Builds or updates an index from files and folders.",
        "Loads documents (text, Markdown, HTML, PDF, JSONL, BEIR corpus.jsonl), chunks them,",
        "embeds the chunks and writes one Lucene index with BM25 text and HNSW vectors.",
        "Incremental: unchanged documents are skipped, changed ones replaced atomically; a run",
        "that was stopped resumes where its last commit left off."})
public final class IndexCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to index.")
  List<Path> paths;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder.")
  Path index;

  @Option(names = "--include", paramLabel = "GLOB", split = ",",
      description = "Only files under a folder that match (e.g. '**/*.md').")
  List<String> include;

  @Option(names = "--exclude", paramLabel = "GLOB", split = ",",
      description = "Skip files that match (hidden files are always skipped).")
  List<String> exclude;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Read every file as: text, markdown, html, pdf, jsonl, beir.")
  String format;

  @Option(names = "--doc-version", paramLabel = "VERSION", defaultValue = LoadConfig.DEFAULT_VERSION,
      description = "The version every document gets (default: ${DEFAULT-VALUE}).")
  String version;

  @Option(names = "--sync",
      description = "Delete documents the index holds that these paths no longer have.")
  boolean sync;

  @Option(names = "--on-error", paramLabel = "skip|fail", defaultValue = "skip",
      description = "What a malformed record does: skip it (reported and counted) or stop "
          + "(default: ${DEFAULT-VALUE}).")
  String onError;

  @Mixin
  IndexOptions indexOptions;

  @Override
  public Integer call() {
    IndexBuildConfig build;
    LoadConfig load;
    try {
      build = indexOptions.toConfig(index, ChunkerType.RECURSIVE, sync);
      LoadConfig.Builder loading = LoadConfig.builder(paths).version(version)
          .onError(OnError.parse("--on-error", onError));
      if (include != null) {
        loading.include(include);
      }
      if (exclude != null) {
        loading.exclude(exclude);
      }
      if (format != null) {
        loading.format(DocumentFormat.parse("--format", format));
      }
      load = loading.build();
    } catch (IllegalArgumentException | RagftException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    InputProblems problems = new InputProblems(message -> {
      err.println("warning: " + message);
      err.flush();
    });
    CorpusLoader loader = new CorpusLoader(load, problems);
    long total = CorpusSize.estimate(loader.files());
    IndexStats stats;
    try (Stream<Document> documents = loader.stream();
        Progress progress = Progress.onStderr("indexing", total, "docs", "chunks")) {
      stats = IndexBuild.run(build, documents.iterator(), problems, progress, s -> { });
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(stats.summary() + " -> " + index);
    Map<ProblemKind, Long> counts = problems.counts();
    if (!counts.isEmpty()) {
      StringBuilder line = new StringBuilder("problems:");
      counts.forEach((kind, count) -> line.append(' ').append(kind.name().toLowerCase())
          .append('=').append(count));
      out.println(line);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
