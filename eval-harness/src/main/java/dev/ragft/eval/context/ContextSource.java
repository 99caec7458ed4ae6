package dev.ragft.eval.context;

import dev.ragft.datasets.cases.FailureCase;

/**
 * Where a setup's context comes from: nothing, retrieval, or the oracle.
 *
 * <p>Contract for every implementation: the same case gives the same context on the same index
 * and corpus (so a run can be resumed and compared), passages are numbered from 1 in the order
 * the prompt shows them, and each passage says whether its document is one of the case's gold
 * documents. Implementations are thread-safe.
 */
public interface ContextSource extends AutoCloseable {

  /** The context for {@code failureCase}. */
  CaseContext contextFor(FailureCase failureCase);

  /** Whether the setup gives context at all (true for retrieval even when nothing is found). */
  boolean givesContext();

  /** One line for run descriptions: {@code none}, {@code oracle}, or the retrieval's settings. */
  String describe();

  /** Releases what the source holds open; nothing by default. */
  @Override
  default void close() {
  }

  /** The source of setups without context. */
  ContextSource NONE = new ContextSource() {
    @Override
    public CaseContext contextFor(FailureCase failureCase) {
      return CaseContext.NONE;
    }

    @Override
    public boolean givesContext() {
      return false;
    }

    @Override
    public String describe() {
      return "none";
    }
  };
}
