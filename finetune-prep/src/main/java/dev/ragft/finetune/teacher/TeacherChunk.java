package dev.ragft.finetune.teacher;

import java.util.Objects;

/**
 * A corpus chunk given to the teacher: ragft's own small record, so the teacher does not depend
 * on the retrieval pipeline's chunk type.
 *
 * @param id the chunk id, unique in the corpus
 * @param docId the document it belongs to
 * @param text the chunk text
 */
public record TeacherChunk(String id, String docId, String text) {

  /** Validates the components. */
  public TeacherChunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(text, "text");
    if (id.isBlank() || text.isBlank()) {
      throw new IllegalArgumentException("a teacher chunk needs an id and text");
    }
  }
}
