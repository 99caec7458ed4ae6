package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Rules that span the lines of one file, fed line by line; one instance per file, not thread-safe. */
public interface FileRules {

  /** No rule spans lines. */
  FileRules NONE = new FileRules() {
    @Override
    public void line(long line, ObjectNode json) {
    }

    @Override
    public List<Violation> finish(String source) {
      return List.of();
    }
  };

  /** Sees one line that parsed as a JSON object. */
  void line(long line, ObjectNode json);

  /** The violations found across the file, in line order. */
  List<Violation> finish(String source);
}
