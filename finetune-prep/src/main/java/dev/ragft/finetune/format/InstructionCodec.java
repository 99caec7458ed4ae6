package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.JsonLine;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.util.List;
import java.util.Optional;

/**
 * Together's instruction format, {@code {"prompt", "completion"}}. It has one prompt, so only
 * single-turn examples can be exported; a system prompt is put before the question, separated by
 * a blank line, and reads back as part of the prompt.
 */
final class InstructionCodec implements FormatCodec {

  private final Format format;

  InstructionCodec(Format format) {
    this.format = format;
  }

  @Override
  public Optional<ObjectNode> encode(TrainingExample example) {
    if (example.turns().size() != 1) {
      throw new RagftException("example " + example.id() + " has " + example.turns().size()
          + " turns, but " + format.cliName() + " carries one prompt and one completion.");
    }
    ChatDecoding.requireUnitWeight(example, format);
    String question = example.turns().get(0).content();
    String prompt = example.systemPrompt().map(system -> system + "\n\n" + question).orElse(question);
    return Optional.of(JsonNodeFactory.instance.objectNode().put("prompt", prompt)
        .put("completion", example.target()));
  }

  @Override
  public TrainingExample decode(JsonLine line, Provenance provenance) {
    try {
      return new TrainingExample(ChatDecoding.idOf(line), null,
          List.of(Turn.user(line.requireText("prompt"))), line.requireText("completion"), 1.0,
          null, "", provenance);
    } catch (IllegalArgumentException e) {
      throw line.error(null, e.getMessage());
    }
  }
}
