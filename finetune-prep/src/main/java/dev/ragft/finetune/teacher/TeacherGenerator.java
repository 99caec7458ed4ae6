package dev.ragft.finetune.teacher;

import dev.langchain4j.model.chat.ChatModel;
import dev.ragft.common.RagftException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Asks a teacher model for question/answer pairs over chunks and caches every reply. A chunk whose
 * cached reply came from the same prompt is not asked again, so a run resumes where a crash left
 * it and a rebuild never calls the model. Not thread-safe.
 */
public final class TeacherGenerator {

  private final ChatModel model;
  private final int questionsPerChunk;

  /** A generator asking {@code model} for {@code questionsPerChunk} pairs per chunk. */
  public TeacherGenerator(ChatModel model, int questionsPerChunk) {
    this.model = Objects.requireNonNull(model, "model");
    if (questionsPerChunk <= 0) {
      throw new IllegalArgumentException("questions per chunk must be > 0, but is: " + questionsPerChunk);
    }
    this.questionsPerChunk = questionsPerChunk;
  }

  /**
   * The replies for every chunk, from {@code cache} where present, otherwise from the model
   * (appended to {@code cache} as they arrive).
   */
  public List<TeacherOutput> generate(List<TeacherChunk> chunks, Path cache) {
    Map<String, TeacherOutput> cached = TeacherFiles.readOutputs(cache);
    List<TeacherOutput> outputs = new ArrayList<>();
    for (TeacherChunk chunk : chunks) {
      String prompt = TeacherPrompts.questionPrompt(chunk, questionsPerChunk);
      String fingerprint = TeacherPrompts.fingerprint(prompt);
      TeacherOutput hit = cached.get(chunk.id());
      if (hit != null && hit.promptSha256().equals(fingerprint)) {
        outputs.add(hit);
        continue;
      }
      String reply;
      try {
        reply = model.chat(prompt);
      } catch (RuntimeException e) {
        throw new RagftException("the teacher model failed on chunk " + chunk.id() + ": "
            + e.getMessage(), e);
      }
      TeacherOutput output = new TeacherOutput(chunk.id(), fingerprint, reply);
      TeacherFiles.append(cache, output);
      outputs.add(output);
    }
    return outputs;
  }
}
