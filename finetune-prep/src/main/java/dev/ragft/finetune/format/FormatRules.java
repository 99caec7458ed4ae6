package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A provider's documented rules for one format. Implementations are stateless and thread-safe;
 * rules that span lines live in the {@link FileRules} that {@link #fileRules()} creates per file.
 */
public interface FormatRules {

  /** Checks one example line, adding each broken rule's text to {@code problems}. */
  void checkLine(ObjectNode json, List<String> problems);

  /** The fewest examples the provider accepts in a training file (1 when none is documented). */
  int minExamples();

  /** A fresh checker for rules that span the lines of one file; by default there are none. */
  default FileRules fileRules() {
    return FileRules.NONE;
  }
}
