package dev.ragft.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.ragft.common.Json;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.context.CaseContext;
import dev.ragft.eval.cost.InferencePrices;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.Usage;
import dev.ragft.eval.score.Reply;
import dev.ragft.eval.score.ReplyScoring;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes one sample: renders the prompt, asks the setup's model (constrained to the reply schema
 * when the setup says so), scores the answer and prices the call (a model the price table lacks
 * counts as $0; the run's notes name it). Thread-safe.
 */
final class SampleMaker {

  private final double temperature;
  private final int maxTokens;
  private final long runSeed;
  private final JsonNode runSchema;
  private final ReplyScoring scoring;
  private final InferencePrices prices;

  SampleMaker(double temperature, int maxTokens, long runSeed, JsonNode runSchema,
      ReplyScoring scoring, InferencePrices prices) {
    this.temperature = temperature;
    this.maxTokens = maxTokens;
    this.runSeed = runSeed;
    this.runSchema = runSchema;
    this.scoring = Objects.requireNonNull(scoring, "scoring");
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /** The seed of sample {@code index} of {@code failureCase}. */
  int seed(FailureCase failureCase, int index) {
    return Seeds.of(runSeed, failureCase.id(), index);
  }

  /** The request a setup sends for sample {@code index} of a case. */
  ChatRequest request(Setup setup, FailureCase failureCase, CaseContext context, int index) {
    ResponseFormat format = setup.spec().constrained() ? format(failureCase) : null;
    return ChatRequest.builder()
        .messages(setup.template().render(failureCase, context.passages()))
        .parameters(setup.model().parameters(temperature, maxTokens, seed(failureCase, index),
            format))
        .build();
  }

  /** Makes sample {@code index}; the answer's call goes through the model's cache and gate. */
  Sample make(Setup setup, FailureCase failureCase, CaseContext context, int index) {
    Answer answer = setup.model().ask(request(setup, failureCase, context, index));
    Reply reply = new Reply(failureCase, answer.text(), setup.context().givesContext(),
        context.passages());
    ReplyScoring.Scored scored = scoring.score(reply);
    Optional<Double> usd = prices.usd(setup.model().provider(), setup.model().name(),
        answer.promptTokens(), answer.completionTokens());
    Usage usage = new Usage(answer.promptTokens(), answer.completionTokens(),
        answer.latencyMillis(), usd.orElse(0.0), answer.cached());
    return new Sample(index, answer.text(), scored.verdict(), scored.checks(), usage);
  }

  private ResponseFormat format(FailureCase failureCase) {
    JsonNode schema = failureCase.format().jsonSchema().orElse(runSchema);
    if (schema == null) {
      return null;
    }
    try {
      return ResponseFormat.builder().type(ResponseFormatType.JSON)
          .jsonSchema(JsonSchema.builder().name("reply")
              .rootElement(JsonRawSchema.from(Json.mapper().writeValueAsString(schema))).build())
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON schema could not be written back", e);
    }
  }
}
