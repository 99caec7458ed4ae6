package dev.ragft.datasets.squad;

import dev.ragft.datasets.cases.FailureCase;
import java.util.List;
import java.util.Objects;

/**
 * What a SQuAD file holds once read: its paragraphs as a corpus and its questions as cases.
 *
 * @param version the file's {@code version} field, such as {@code 1.1} or {@code v2.0}
 * @param paragraphs the paragraphs in file order
 * @param cases the questions in file order
 */
public record SquadDataset(String version, List<SquadParagraph> paragraphs,
    List<FailureCase> cases) {

  /** Validates the components and copies the lists. */
  public SquadDataset {
    Objects.requireNonNull(version, "version");
    paragraphs = List.copyOf(paragraphs);
    cases = List.copyOf(cases);
  }
}
