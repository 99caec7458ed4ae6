package dev.ragft.finetune.teacher;

import java.util.Objects;

/**
 * A teacher's raw reply for one chunk, as cached.
 *
 * @param chunkId the chunk
 * @param promptSha256 the fingerprint of the prompt that produced it
 * @param output the reply text
 */
public record TeacherOutput(String chunkId, String promptSha256, String output) {

  /** Validates the components. */
  public TeacherOutput {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(promptSha256, "promptSha256");
    Objects.requireNonNull(output, "output");
  }
}
