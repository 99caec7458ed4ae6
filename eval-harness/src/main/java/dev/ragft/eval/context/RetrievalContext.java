package dev.ragft.eval.context;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.config.RetrievalSpec;
import dev.ragft.eval.result.RetrievalScores;
import dev.ragft.eval.score.RetrievalMetrics;
import dev.ragft.rag.context.AssembledContext;
import dev.ragft.rag.context.ContextAssembler;
import dev.ragft.rag.pipeline.RetrievalPipeline;
import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.ScoredChunk;
import dev.ragft.rag.token.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Retrieval: the case's question (the last user turn) is the query, the top k chunks are
 * assembled into passages within the token budget, and the ranking is scored against the case's
 * gold documents. Owns the opened pipeline.
 */
public final class RetrievalContext implements ContextSource {

  private final String name;
  private final RetrievalSpec spec;
  private final RetrievalPipeline pipeline;
  private final ContextAssembler assembler;

  private RetrievalContext(String name, RetrievalSpec spec, RetrievalPipeline pipeline,
      Tokenizer tokenizer) {
    this.name = name;
    this.spec = spec;
    this.pipeline = pipeline;
    this.assembler = new ContextAssembler(tokenizer, spec.budget(), true);
  }

  /**
   * Opens the index of a retrieval configuration.
   *
   * @param name the retrieval's name in the configuration
   * @param spec how to retrieve
   * @param tokenizer counts the context's tokens
   * @param embeddingCache the embedding cache folder, or null
   */
  public static RetrievalContext open(String name, RetrievalSpec spec, Tokenizer tokenizer,
      Path embeddingCache) {
    Objects.requireNonNull(spec, "spec");
    RetrievalPipeline pipeline = RetrievalPipeline.open(Path.of(spec.index()),
        spec.retrievalConfig(), embeddingCache);
    return new RetrievalContext(name, spec, pipeline, tokenizer);
  }

  @Override
  public CaseContext contextFor(FailureCase failureCase) {
    List<ScoredChunk> ranked = pipeline.retriever().retrieve(
        RetrievalQuery.of(failureCase.questionText()), spec.k());
    AssembledContext context = assembler.assemble(ranked);
    Optional<RetrievalScores> scores = failureCase.goldDocIds().isEmpty() ? Optional.empty()
        : Optional.of(RetrievalMetrics.score(failureCase.id(),
            ranked.stream().map(scored -> scored.chunk().docId()).toList(),
            failureCase.goldDocIds(), spec.k()));
    return new CaseContext(Passages.of(context, failureCase), scores);
  }

  @Override
  public boolean givesContext() {
    return true;
  }

  @Override
  public String describe() {
    return name + ": " + spec.describe();
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
