package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.InputException;
import dev.ragft.common.JsonLine;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import java.util.Optional;

/**
 * Writes and reads one provider format. Implementations are stateless and thread-safe.
 */
public interface FormatCodec {

  /**
   * The example as one line of this format, or empty when the format has no place for it (a
   * preference format and an example without a rejected answer).
   *
   * @throws RagftException when the example holds something the format cannot carry, such as a
   *     weight other than 1 in a format without weights; the message names the example
   */
  Optional<ObjectNode> encode(TrainingExample example);

  /**
   * Reads one line of this format back into an example. The id is the line's {@code id} field
   * when it has one, otherwise {@code file:line}.
   *
   * @throws InputException when the line does not hold a conversation ragft can represent
   */
  TrainingExample decode(JsonLine line, Provenance provenance);
}
