package dev.ragft.eval.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The setup matrix a run gets when its configuration lists none, and the one place its defaults
 * live:
 *
 * <ul>
 *   <li>{@code baseline}: the base model, no context;
 *   <li>{@code rag}: the base model with retrieval;
 *   <li>{@code finetuned}: the fine-tuned model, no context;
 *   <li>{@code hybrid}: the fine-tuned model with retrieval;
 *   <li>{@code oracle}: the base model with the case's gold documents.
 * </ul>
 *
 * The base model is the model named {@value #BASE} (or the first model); the fine-tuned model the
 * model or registered model named {@value #FINETUNED}; the retrieval the one named {@value #RAG}
 * (or the first). A row whose part is not configured is left out: without a fine-tuned model
 * there is no {@code finetuned} or {@code hybrid}, without a retrieval no {@code rag} or
 * {@code hybrid}, without a corpus no {@code oracle}. Every row uses the {@code support} template,
 * unconstrained.
 */
public final class DefaultSetups {

  /** The name of the base model. */
  public static final String BASE = "base";
  /** The name of the fine-tuned model. */
  public static final String FINETUNED = "finetuned";
  /** The name of the default retrieval. */
  public static final String RAG = "rag";
  /** The template every default row uses. */
  public static final String TEMPLATE = "support";

  private DefaultSetups() {
  }

  /** The default matrix for the models, retrievals and corpus of {@code config}. */
  public static List<SetupSpec> of(EvalConfig config) {
    String base = config.models().containsKey(BASE) ? BASE
        : config.models().keySet().iterator().next();
    boolean finetuned = config.models().containsKey(FINETUNED)
        || config.registered().containsKey(FINETUNED);
    Optional<String> rag = config.retrieval().containsKey(RAG) ? Optional.of(RAG)
        : config.retrieval().keySet().stream().findFirst();
    List<SetupSpec> rows = new ArrayList<>();
    rows.add(SetupSpec.of("baseline", base, SetupSpec.NO_CONTEXT, TEMPLATE, false));
    rag.ifPresent(name -> rows.add(SetupSpec.of("rag", base, name, TEMPLATE, false)));
    if (finetuned) {
      rows.add(SetupSpec.of("finetuned", FINETUNED, SetupSpec.NO_CONTEXT, TEMPLATE, false));
      rag.ifPresent(name -> rows.add(SetupSpec.of("hybrid", FINETUNED, name, TEMPLATE, false)));
    }
    if (config.corpus() != null) {
      rows.add(SetupSpec.of("oracle", base, SetupSpec.ORACLE, TEMPLATE, false));
    }
    return rows;
  }
}
