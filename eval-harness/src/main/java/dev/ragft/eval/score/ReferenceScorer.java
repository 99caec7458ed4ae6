package dev.ragft.eval.score;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares a reply with the case's reference answer: {@code reference.exact_match} and
 * {@code reference.token_f1} (passed when F1 reaches the threshold), with {@link TokenOverlap}'s
 * SQuAD normalisation. When both the reference and the reply are JSON objects with a text
 * {@code "answer"} field (structured support replies), those fields are compared.
 *
 * <p>The checks are informational, except that {@code reference.token_f1} gates when the
 * reference is all the case gives to check (no required facts, forbidden claims, format or
 * policy): then it is the only statement of what a correct reply says.
 */
public final class ReferenceScorer implements Scorer {

  /** The F1 threshold used when none is configured. */
  public static final double DEFAULT_F1_THRESHOLD = 0.5;

  private final double f1Threshold;

  /** A scorer that passes {@code reference.token_f1} at {@code f1Threshold} or above. */
  public ReferenceScorer(double f1Threshold) {
    if (!(f1Threshold >= 0 && f1Threshold <= 1)) {
      throw new IllegalArgumentException("the F1 threshold must be in [0, 1], but is: "
          + f1Threshold);
    }
    this.f1Threshold = f1Threshold;
  }

  @Override
  public List<Check> score(Reply reply) {
    FailureCase failureCase = reply.failureCase();
    if (failureCase.referenceAnswer().isEmpty()) {
      return List.of();
    }
    String reference = failureCase.referenceAnswer().get();
    Optional<String> referenceAnswer = answerField(reference);
    Optional<String> replyAnswer = answerField(reply.text());
    boolean fields = referenceAnswer.isPresent() && replyAnswer.isPresent();
    String expected = fields ? referenceAnswer.get() : reference;
    String predicted = fields ? replyAnswer.get() : reply.text();
    String compared = fields ? " (the \"answer\" fields)" : "";
    boolean exact = TokenOverlap.exactMatch(predicted, expected);
    double f1 = TokenOverlap.f1(predicted, expected);
    boolean sole = failureCase.requiredFacts().isEmpty() && failureCase.forbiddenClaims().isEmpty()
        && failureCase.format().isEmpty() && failureCase.policy().isEmpty();
    return List.of(
        new Check(CheckKind.REFERENCE, "reference.exact_match", exact,
            (exact ? "equals" : "differs from") + " the reference after normalisation" + compared,
            false),
        new Check(CheckKind.REFERENCE, "reference.token_f1", f1 >= f1Threshold,
            String.format(Locale.ROOT, "token F1 %.3f (threshold %.2f)%s", f1, f1Threshold,
                compared), sole));
  }

  private static Optional<String> answerField(String text) {
    Optional<JsonNode> json = FormatScorer.json(text);
    return json.filter(JsonNode::isObject).map(node -> node.get("answer"))
        .filter(JsonNode::isTextual).map(JsonNode::asText);
  }
}
