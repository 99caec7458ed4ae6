package dev.ragft.eval.context;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.context.AssembledContext;
import dev.ragft.rag.context.ContextAssembler;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.retrieve.ScoredChunk;
import dev.ragft.rag.token.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The oracle: each of the case's gold documents, whole, in the case's order, taken from the
 * corpus and assembled within the token budget like retrieved chunks (a document that does not
 * fit is left out). It shows what a setup does when retrieval is perfect. A case without gold
 * documents, or whose gold documents the corpus lacks, gets no passages.
 */
public final class OracleContext implements ContextSource {

  private final Corpus corpus;
  private final ContextAssembler assembler;

  /** An oracle over {@code corpus}, counting tokens with {@code tokenizer}. */
  public OracleContext(Corpus corpus, Tokenizer tokenizer, int budget) {
    this.corpus = Objects.requireNonNull(corpus, "corpus");
    this.assembler = new ContextAssembler(tokenizer, budget, false);
  }

  @Override
  public CaseContext contextFor(FailureCase failureCase) {
    List<ScoredChunk> chunks = new ArrayList<>();
    List<String> gold = failureCase.goldDocIds();
    for (int i = 0; i < gold.size(); i++) {
      Optional<Document> document = corpus.find(gold.get(i));
      if (document.isPresent() && !document.get().text().isBlank()) {
        Document doc = document.get();
        chunks.add(new ScoredChunk(new Chunk(Chunk.idOf(doc.id(), 0), doc.id(), doc.version(),
            doc.source(), doc.title(), 0, doc.text(), 0, doc.text().length(), doc.metadata()),
            gold.size() - i));
      }
    }
    AssembledContext context = assembler.assemble(chunks);
    return new CaseContext(Passages.of(context, failureCase), Optional.empty());
  }

  @Override
  public boolean givesContext() {
    return true;
  }

  @Override
  public String describe() {
    return "oracle";
  }
}
