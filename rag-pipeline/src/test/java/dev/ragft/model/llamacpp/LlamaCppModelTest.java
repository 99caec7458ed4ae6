package dev.ragft.model.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.langchain4j.model.output.FinishReason;
import dev.ragft.common.RagftException;
import dev.ragft.model.TestModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LlamaCppModelTest {

  private static final String STORY = ", there was a little girl named Lily. She loved to play"
      + " outside in the park. One day, she saw a big, red ball.";
  private static LlamaCppModel model;

  @BeforeAll
  static void load() {
    model = LlamaCppModel.load(LlamaCppConfig.of(TestModels.stories260K())
        .withContextSize(512).withThreads(1));
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  private static Sampling greedy(int tokens) {
    return Sampling.DEFAULTS.toBuilder().maxTokens(tokens).build();
  }

  @Test
  void greedy_generation_gives_the_known_continuation_of_once_upon_a_time() {
    Generation generation = model.generate("Once upon a time", greedy(40), text -> { });

    assertThat(generation.text()).isEqualTo(STORY);
    assertThat(generation.promptTokens()).isEqualTo(5);
    assertThat(generation.completionTokens()).isEqualTo(40);
    assertThat(generation.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void streamed_pieces_join_into_the_returned_text() {
    List<String> pieces = new ArrayList<>();
    Generation generation = model.generate("Once upon a time", greedy(40), pieces::add);

    assertThat(pieces).hasSizeGreaterThan(20);
    assertThat(String.join("", pieces)).isEqualTo(generation.text()).isEqualTo(STORY);
  }

  @Test
  void seeded_sampling_repeats_for_the_same_seed_and_differs_for_another() {
    Sampling seven = Sampling.DEFAULTS.toBuilder().temperature(0.9).seed(7).maxTokens(30).build();
    String first = model.generate("Once upon a time", seven, text -> { }).text();
    String again = model.generate("Once upon a time", seven, text -> { }).text();
    String eight = model.generate("Once upon a time", seven.toBuilder().seed(8).build(),
        text -> { }).text();

    assertThat(first).isEqualTo(again).isEqualTo(", there was a little boy named Timmy. Timmy"
        + " loved to play with his toys and eat food. He w");
    assertThat(eight).isNotEqualTo(first);
  }

  @Test
  void a_stop_sequence_ends_the_text_before_it() {
    Sampling stopAtLily = greedy(60).toBuilder().stop(List.of("Lily")).build();
    Generation generation = model.generate("Once upon a time", stopAtLily, text -> { });

    assertThat(generation.text()).isEqualTo(", there was a little girl named ");
    assertThat(generation.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(generation.completionTokens()).isBetween(10, 13);
  }

  @Test
  void json_schema_constrained_output_is_json_that_matches_the_schema() {
    String schema = """
        {"type": "object",
         "properties": {
           "verdict": {"enum": ["yes", "no"]},
           "ok": {"type": "boolean"},
           "name": {"type": "string", "maxLength": 12}},
         "required": ["verdict", "ok", "name"],
         "additionalProperties": false}""";
    Sampling json = greedy(100).toBuilder().jsonSchema(schema).build();
    String text = model.generate("Once upon a time", json, piece -> { }).text();

    Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(schema);
    assertThat(validator.validate(text, InputFormat.JSON)).isEmpty();
    assertThat(text).contains("\"verdict\"");
  }

  @Test
  void token_counts_include_the_bos_token() {
    assertThat(model.info().addsBos()).isTrue();
    assertThat(model.countTokens("Once upon a time")).isEqualTo(5);
  }

  @Test
  void a_prompt_that_fills_the_context_is_rejected_with_its_size() {
    String longPrompt = "Once upon a time ".repeat(200);

    assertThatThrownBy(() -> model.generate(longPrompt, greedy(10), text -> { }))
        .isInstanceOf(RagftException.class)
        .hasMessage("the prompt has 802 tokens, which does not fit the context of 512 tokens of"
            + " stories260K; shorten it or raise the context size");
  }

  @Test
  void an_exception_from_the_text_consumer_stops_the_generation_and_passes_through() {
    IllegalStateException stop = new IllegalStateException("client went away");

    assertThatThrownBy(() -> model.generate("Once upon a time", greedy(40), text -> {
      throw stop;
    })).isSameAs(stop);
    assertThat(model.generate("Once upon a time", greedy(40), text -> { }).text())
        .isEqualTo(STORY);
  }
}
