package dev.ragft.finetune.source;

import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import dev.ragft.finetune.teacher.QaPair;
import dev.ragft.finetune.teacher.RetrievalAwarePrompt;
import dev.ragft.finetune.teacher.TeacherChunk;
import dev.ragft.finetune.teacher.TeacherFiles;
import dev.ragft.finetune.teacher.TeacherOutput;
import dev.ragft.finetune.teacher.TeacherOutputParser;
import dev.ragft.finetune.teacher.TeacherPrompts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Examples from a teacher's cached replies over corpus chunks: for each question/answer pair a
 * plain example (the question, the answer) and, when asked, a retrieval-aware one (the right chunk
 * among seeded distractors, the answer citing it). Every chunk needs a cached reply made with the
 * current prompt; otherwise the build fails and says to run the teacher first.
 */
public final class TeacherSource {

  /**
   * Settings.
   *
   * @param questionsPerChunk the pairs asked per chunk (part of the prompt)
   * @param plain whether to emit plain question/answer examples
   * @param retrievalAware whether to emit retrieval-aware examples
   * @param distractors distractor chunks per retrieval-aware example
   * @param seed the seed for distractor choice and order
   */
  public record Settings(int questionsPerChunk, boolean plain, boolean retrievalAware,
      int distractors, long seed) {
  }

  private TeacherSource() {
  }

  /** The examples of one teacher source. */
  public static List<TrainingExample> read(String sourceId, SourceFile chunksFile,
      SourceFile outputsFile, String licence, String label, Settings settings) {
    List<TeacherChunk> chunks = TeacherFiles.readChunks(chunksFile.path());
    Map<String, TeacherOutput> outputs = TeacherFiles.readOutputs(outputsFile.path());
    String sha = Hashes.sha256(chunksFile.sha256() + outputsFile.sha256());
    RetrievalAwarePrompt retrieval = new RetrievalAwarePrompt(chunks, settings.distractors(),
        settings.seed());
    List<TrainingExample> examples = new ArrayList<>();
    int line = 0;
    for (TeacherChunk chunk : chunks) {
      line++;
      TeacherOutput output = outputs.get(chunk.id());
      String fingerprint = TeacherPrompts.fingerprint(
          TeacherPrompts.questionPrompt(chunk, settings.questionsPerChunk()));
      if (output == null || !output.promptSha256().equals(fingerprint)) {
        throw new InputException(outputsFile.name(), 0, null, "has no reply for chunk "
            + chunk.id() + " made with the current prompt; run the teacher generation first");
      }
      List<QaPair> pairs = TeacherOutputParser.parse(chunk.id(), output.output()).pairs();
      for (int i = 0; i < pairs.size(); i++) {
        QaPair pair = pairs.get(i);
        String base = sourceId + "/" + chunk.id() + "/q" + (i + 1);
        if (settings.plain()) {
          examples.add(new TrainingExample(base, null, List.of(Turn.user(pair.question())),
              pair.answer(), 1.0, null, label, new Provenance(sourceId, chunksFile.name(), line,
              sha, licence, "teacher-question")));
        }
        if (settings.retrievalAware()) {
          RetrievalAwarePrompt.Built built = retrieval.build(chunk, pair);
          examples.add(new TrainingExample(base + "/rag", null, List.of(Turn.user(built.user())),
              built.target(), 1.0, null, label, new Provenance(sourceId, chunksFile.name(), line,
              sha, licence, "teacher-retrieval")));
        }
      }
    }
    return examples;
  }
}
