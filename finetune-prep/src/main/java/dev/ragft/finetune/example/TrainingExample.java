package dev.ragft.finetune.example;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One training example in ragft's own form, the only thing exporters read.
 *
 * <p>The conversation is {@code system} (optional), then {@code turns} — starting with a user
 * turn, alternating user and assistant, ending with a user turn — then the {@code target}
 * assistant answer. Earlier assistant turns are context: exporters whose format can mask messages
 * give them weight 0, so only the target is trained. A {@code rejected} answer makes the example a
 * preference pair for DPO formats.
 *
 * @param id a stable id, unique within a build
 * @param system the system prompt, or null for none
 * @param turns the turns before the target; defensively copied
 * @param target the assistant answer to train on
 * @param weight how much the example counts: 1 normally, 0 to keep it as context only; formats
 *     that cannot carry other values refuse them on export
 * @param rejected a worse answer for preference training, or null
 * @param label the stratification label (a category or source), never null, may be empty
 * @param provenance where it came from
 */
public record TrainingExample(String id, String system, List<Turn> turns, String target,
    double weight, String rejected, String label, Provenance provenance) {

  /** Validates the components and normalises blank optional text to null. */
  public TrainingExample {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (system != null && system.isBlank()) {
      system = null;
    }
    turns = List.copyOf(Objects.requireNonNull(turns, "turns"));
    if (turns.isEmpty()) {
      throw new IllegalArgumentException("example " + id + " needs at least one user turn");
    }
    for (int i = 0; i < turns.size(); i++) {
      Role expected = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
      if (turns.get(i).role() != expected) {
        throw new IllegalArgumentException("example " + id + ": turn " + i + " must be "
            + expected.wireName() + ", but is: " + turns.get(i).role().wireName());
      }
    }
    if (turns.get(turns.size() - 1).role() != Role.USER) {
      throw new IllegalArgumentException("example " + id + ": the last turn must be a user turn");
    }
    Objects.requireNonNull(target, "target");
    if (target.isBlank()) {
      throw new IllegalArgumentException("example " + id + ": target must not be blank");
    }
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException("example " + id + ": weight must be finite and >= 0, but is: " + weight);
    }
    if (rejected != null && rejected.isBlank()) {
      rejected = null;
    }
    label = label == null ? "" : label;
    Objects.requireNonNull(provenance, "provenance");
  }

  /** A single-turn example with weight 1, no rejected answer and an empty label. */
  public static TrainingExample of(String id, String system, String question, String target,
      Provenance provenance) {
    return new TrainingExample(id, system, List.of(Turn.user(question)), target, 1.0, null, "",
        provenance);
  }

  /** The system prompt, when there is one. */
  public Optional<String> systemPrompt() {
    return Optional.ofNullable(system);
  }

  /** The rejected answer, when this is a preference pair. */
  public Optional<String> rejectedAnswer() {
    return Optional.ofNullable(rejected);
  }

  /** Whether this example has a rejected answer and so can train a preference model. */
  public boolean isPreferencePair() {
    return rejected != null;
  }

  /** The text of the user turns joined by newlines: what the model is asked. */
  public String prompt() {
    return turns.stream().filter(t -> t.role() == Role.USER).map(Turn::content)
        .collect(Collectors.joining("\n"));
  }

  /** Every message in order, the system prompt first when present and the target last. */
  public List<Message> messages() {
    List<Message> all = new ArrayList<>(turns.size() + 2);
    if (system != null) {
      all.add(new Message(Role.SYSTEM, system));
    }
    for (Turn turn : turns) {
      all.add(new Message(turn.role(), turn.content()));
    }
    all.add(new Message(Role.ASSISTANT, target));
    return all;
  }

  /** A copy with another system prompt (null for none). */
  public TrainingExample withSystem(String newSystem) {
    return new TrainingExample(id, newSystem, turns, target, weight, rejected, label, provenance);
  }

  /** A copy with other turns, target and rejected answer (the text a PII pass rewrites). */
  public TrainingExample withText(String newSystem, List<Turn> newTurns, String newTarget,
      String newRejected) {
    return new TrainingExample(id, newSystem, newTurns, newTarget, weight, newRejected, label,
        provenance);
  }

  /** A copy with another label. */
  public TrainingExample withLabel(String newLabel) {
    return new TrainingExample(id, system, turns, target, weight, rejected, newLabel, provenance);
  }

  /** The part of the example that every format can carry, for comparing read-back exports. */
  public Content content() {
    return new Content(system, turns, target, weight, rejected);
  }

  /**
   * A message with its role, as chat formats list them.
   *
   * @param role who speaks
   * @param content the text
   */
  public record Message(Role role, String content) {

    /** Validates the components. */
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(content, "content");
    }
  }

  /**
   * The conversational content of an example without its id, label and provenance.
   *
   * @param system the system prompt or null
   * @param turns the turns before the target
   * @param target the answer
   * @param weight the weight
   * @param rejected the rejected answer or null
   */
  public record Content(String system, List<Turn> turns, String target, double weight,
      String rejected) {

    /** Copies the turns. */
    public Content {
      turns = List.copyOf(turns);
    }

    /** This content without the rejected answer, as a supervised format carries it. */
    public Content withoutRejected() {
      return new Content(system, turns, target, weight, null);
    }
  }
}
