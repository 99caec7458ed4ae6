package dev.ragft.rag.context;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A context ready to put in a prompt.
 *
 * @param text the passages, each introduced by its marker and title
 * @param citations the passages in the order shown, numbered from 1
 * @param tokens the token count of {@code text}
 * @param dropped the ids of retrieved chunks left out (duplicates, or over the budget)
 */
public record AssembledContext(String text, List<Citation> citations, int tokens,
    List<String> dropped) {

  /** Validates and copies the components. */
  public AssembledContext {
    Objects.requireNonNull(text, "text");
    citations = List.copyOf(citations);
    dropped = List.copyOf(dropped);
  }

  /** The citation with this number, if the context has one. */
  public Optional<Citation> citation(int number) {
    return number >= 1 && number <= citations.size()
        ? Optional.of(citations.get(number - 1)) : Optional.empty();
  }
}
