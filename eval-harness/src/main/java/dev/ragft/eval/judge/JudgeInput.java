package dev.ragft.eval.judge;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.score.TextMatches;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a judge is shown about one reply.
 *
 * @param question the question asked
 * @param reference a correct reply, if known
 * @param facts the facts a correct reply states, as descriptions
 * @param context the passages the model was given (empty without context)
 * @param reply the reply to judge
 */
public record JudgeInput(String question, Optional<String> reference, List<String> facts,
    List<String> context, String reply) {

  /** Validates and copies the components. */
  public JudgeInput {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(reference, "reference");
    facts = List.copyOf(facts);
    context = List.copyOf(context);
    Objects.requireNonNull(reply, "reply");
  }

  /** The input for a reply to {@code failureCase} given {@code context}. */
  public static JudgeInput of(FailureCase failureCase, String reply, List<Passage> context) {
    return new JudgeInput(failureCase.questionText(), failureCase.referenceAnswer(),
        failureCase.requiredFacts().stream().map(f -> TextMatches.describe(f.match())).toList(),
        context.stream().map(p -> "[" + p.number() + "] " + p.docId() + ": " + p.text()).toList(),
        reply);
  }
}
