package dev.ragft.finetune.teacher;

import dev.ragft.finetune.hygiene.TextNormalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Builds retrieval-aware training prompts: the chunk that answers the question is placed among
 * distractor chunks, in a seeded-random order, and the answer cites the right passage as
 * {@code [n]}. Distractors come from other documents when there are enough, otherwise from other
 * chunks of the same document; the choice and order depend only on the seed and the chunk ids.
 */
public final class RetrievalAwarePrompt {

  /**
   * A built prompt.
   *
   * @param user the user turn: instructions, numbered passages, the question
   * @param target the answer with its citation
   * @param passageIds the chunk ids in the order shown
   */
  public record Built(String user, String target, List<String> passageIds) {

    /** Copies the list. */
    public Built {
      passageIds = List.copyOf(passageIds);
    }
  }

  private final List<TeacherChunk> corpus;
  private final int distractors;
  private final long seed;

  /** A builder drawing {@code distractors} distractors from {@code corpus} with {@code seed}. */
  public RetrievalAwarePrompt(List<TeacherChunk> corpus, int distractors, long seed) {
    if (distractors < 0) {
      throw new IllegalArgumentException("distractors must be >= 0, but is: " + distractors);
    }
    this.corpus = corpus.stream().sorted(Comparator.comparing(TeacherChunk::id)).toList();
    this.distractors = distractors;
    this.seed = seed;
  }

  /** The prompt for {@code pair}, answered by {@code chunk}. */
  public Built build(TeacherChunk chunk, QaPair pair) {
    Objects.requireNonNull(chunk, "chunk");
    Random random = new Random(seed ^ TextNormalizer.hash64(chunk.id() + "\u0000" + pair.question()));
    List<TeacherChunk> otherDocs = new ArrayList<>();
    List<TeacherChunk> sameDoc = new ArrayList<>();
    for (TeacherChunk candidate : corpus) {
      if (candidate.id().equals(chunk.id())) {
        continue;
      }
      (candidate.docId().equals(chunk.docId()) ? sameDoc : otherDocs).add(candidate);
    }
    Collections.shuffle(otherDocs, random);
    Collections.shuffle(sameDoc, random);
    List<TeacherChunk> shown = new ArrayList<>();
    shown.add(chunk);
    for (TeacherChunk c : otherDocs) {
      if (shown.size() > distractors) {
        break;
      }
      shown.add(c);
    }
    for (TeacherChunk c : sameDoc) {
      if (shown.size() > distractors) {
        break;
      }
      shown.add(c);
    }
    Collections.shuffle(shown, random);
    StringBuilder user = new StringBuilder(
        "Answer the question using only the numbered passages below. Cite the passage you used "
            + "as [n]. If the passages do not contain the answer, say so.\n\n");
    int cited = 0;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      TeacherChunk c = shown.get(i);
      user.append('[').append(i + 1).append("] ").append(c.text().strip()).append("\n\n");
      ids.add(c.id());
      if (c.id().equals(chunk.id())) {
        cited = i + 1;
      }
    }
    user.append("Question: ").append(pair.question());
    return new Built(user.toString(), pair.answer() + " [" + cited + "]", ids);
  }
}
