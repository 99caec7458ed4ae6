package dev.ragft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.RagftException;
import dev.ragft.common.CacheDirs;
import dev.ragft.common.Json;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.context.AssembledContext;
import dev.ragft.rag.context.Citation;
import dev.ragft.rag.context.ContextAssembler;
import dev.ragft.rag.pipeline.RetrievalConfig;
import dev.ragft.rag.pipeline.RetrievalPipeline;
import dev.ragft.rag.retrieve.Filter;
import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.ScoredChunk;
import dev.ragft.rag.token.HfTokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ragft search}: ranked chunks for a query, with scores and citations. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Searches an index and prints ranked chunks with scores and citations.",
        "Each result shows its chunk id, source and character offsets; --context prints the",
        "assembled context a model would read, with numbered citations."})
public final class SearchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query.")
  List<String> words;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder.")
  Path index;

  @Option(names = {"-k", "--top"}, defaultValue = "5",
      description = "How many chunks to show (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--filter", paramLabel = "FIELD=VALUE",
      description = "Keep chunks whose field has this value: source=..., version=..., "
          + "meta.<key>=...; repeat to require several fields or allow several values.")
  List<String> filters;

  @Option(names = "--context", description = "Print the assembled context with citations.")
  boolean context;

  @Option(names = "--budget", paramLabel = "TOKENS", defaultValue = "1024",
      description = "Context token budget (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Mixin
  RetrievalOptions retrievalOptions;

  @Override
  public Integer call() {
    RetrievalConfig config;
    Filter filter;
    try {
      config = retrievalOptions.toConfig();
      filter = parseFilters(filters);
      if (k < 1) {
        throw new IllegalArgumentException("--top must be >= 1, but is: " + k);
      }
    } catch (IllegalArgumentException | RagftException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String query = String.join(" ", words);
    List<ScoredChunk> results;
    String retriever;
    AssembledContext assembled = null;
    try (RetrievalPipeline pipeline = RetrievalPipeline.open(index, config, CacheDirs.embeddings())) {
      retriever = pipeline.retriever().name();
      results = pipeline.retriever().retrieve(new RetrievalQuery(query, filter), k);
    }
    if (context) {
      try (HfTokenizer tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL)) {
        assembled = new ContextAssembler(tokenizer, budget, true).assemble(results);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(query, retriever, results, assembled));
    } else {
      print(out, results, assembled);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static Filter parseFilters(List<String> filters) {
    if (filters == null || filters.isEmpty()) {
      return Filter.NONE;
    }
    Map<String, List<String>> terms = new TreeMap<>();
    for (String filter : filters) {
      int eq = filter.indexOf('=');
      if (eq <= 0 || eq == filter.length() - 1) {
        throw new IllegalArgumentException("--filter must be FIELD=VALUE, but is: " + filter);
      }
      terms.computeIfAbsent(filter.substring(0, eq), key -> new ArrayList<>())
          .add(filter.substring(eq + 1));
    }
    return new Filter(terms);
  }

  private static void print(PrintWriter out, List<ScoredChunk> results, AssembledContext context) {
    if (results.isEmpty()) {
      out.println("no results");
    }
    for (int i = 0; i < results.size(); i++) {
      Chunk chunk = results.get(i).chunk();
      out.println(String.format(Locale.ROOT, "%d. %.4f  %s  %s [%d, %d)  %s", i + 1,
          results.get(i).score(), chunk.id(), chunk.source(), chunk.start(), chunk.end(),
          chunk.title().isBlank() ? "" : "\"" + chunk.title() + "\""));
      String text = chunk.text().replaceAll("\\s+", " ").strip();
      out.println("   " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
    }
    if (context != null) {
      out.println();
      out.println(context.text());
      out.println();
      for (Citation citation : context.citations()) {
        out.println(citation.marker() + " " + citation.docId() + " (" + citation.source() + ", "
            + citation.version() + ", characters " + citation.start() + "-" + citation.end() + ")");
      }
      out.println(context.tokens() + " tokens");
    }
  }

  private static String toJson(String query, String retriever, List<ScoredChunk> results,
      AssembledContext context) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("query", query);
    root.put("retriever", retriever);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Chunk chunk = results.get(i).chunk();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("rank", i + 1);
      item.put("score", results.get(i).score());
      item.put("chunk_id", chunk.id());
      item.put("doc_id", chunk.docId());
      item.put("source", chunk.source());
      item.put("version", chunk.version());
      item.put("title", chunk.title());
      item.put("start", chunk.start());
      item.put("end", chunk.end());
      item.put("text", chunk.text());
      items.add(item);
    }
    root.put("results", items);
    if (context != null) {
      root.put("context", context);
    }
    try {
      return Json.mapper().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
