package dev.ragft.finetune.teacher;

import dev.ragft.common.Hashes;

/** The prompt that asks a teacher model for question/answer pairs over one chunk. */
public final class TeacherPrompts {

  private TeacherPrompts() {
  }

  /** The prompt asking for {@code questions} pairs over {@code chunk}, answered as JSON Lines. */
  public static String questionPrompt(TeacherChunk chunk, int questions) {
    if (questions <= 0) {
      throw new IllegalArgumentException("questions per chunk must be > 0, but is: " + questions);
    }
    return "You write training data for a question-answering assistant.\n"
        + "Read the passage and write " + questions + " question" + (questions == 1 ? "" : "s")
        + " that the passage answers, each with a short, correct answer that uses only the passage.\n"
        + "Reply with one JSON object per line and nothing else, for example:\n"
        + "{\"question\": \"...\", \"answer\": \"...\"}\n"
        + "\n"
        + "Passage (document " + chunk.docId() + ", chunk " + chunk.id() + "):\n"
        + "<<<\n" + chunk.text().strip() + "\n>>>\n";
  }

  /** The SHA-256 of a prompt, recorded with each cached output to notice a changed prompt. */
  public static String fingerprint(String prompt) {
    return Hashes.sha256(prompt);
  }
}
