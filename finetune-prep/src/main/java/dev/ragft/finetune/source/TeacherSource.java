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
import java.util.Objects;

/**
 * Examples from a teacher's cached replies over corpus chunks: for each question/answer pair a
 * plain example (the question, the answer) and, when asked, a retrieval-aware one (the right chunk
 * among seeded distractors, the answer citing it). Every chunk needs a cached reply made with the
 * current prompt; otherwise the read fails and says to generate the replies first. What a reply
 * holds that is not a usable pair (a teacher may answer anything) is returned as a problem of its
 * chunk, never an error: the build reports it and goes on.
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

  /**
   * The chunks the teacher was asked about and its reply cache.
   *
   * @param chunks the chunks, in corpus order
   * @param chunksName how provenance names the chunks (a chunks file, or the corpus)
   * @param chunksSha256 the SHA-256 that identifies the chunks
   * @param outputs the reply cache file (read here, never written)
   */
  public record Input(List<TeacherChunk> chunks, String chunksName, String chunksSha256,
      SourceFile outputs) {

    /** Copies the chunks. */
    public Input {
      chunks = List.copyOf(chunks);
      Objects.requireNonNull(chunksName, "chunksName");
      Objects.requireNonNull(chunksSha256, "chunksSha256");
      Objects.requireNonNull(outputs, "outputs");
    }
  }

  /**
   * A chunk's reply, or part of it, that gave no example.
   *
   * @param chunkId the chunk
   * @param problem what was wrong, naming the chunk and the line of the reply
   */
  public record Unparsable(String chunkId, String problem) {
  }

  /**
   * What a teacher source gave.
   *
   * @param examples the examples, chunk by chunk
   * @param unparsable the problems of the replies, chunk by chunk
   */
  public record Result(List<TrainingExample> examples, List<Unparsable> unparsable) {

    /** Copies the lists. */
    public Result {
      examples = List.copyOf(examples);
      unparsable = List.copyOf(unparsable);
    }
  }

  private TeacherSource() {
  }

  /** The examples of one teacher source. */
  public static Result read(String sourceId, Input input, String licence, String label,
      Settings settings) {
    Map<String, TeacherOutput> outputs = TeacherFiles.readOutputs(input.outputs().path());
    String sha = Hashes.sha256(input.chunksSha256() + input.outputs().sha256());
    RetrievalAwarePrompt retrieval = new RetrievalAwarePrompt(input.chunks(),
        settings.distractors(), settings.seed());
    List<TrainingExample> examples = new ArrayList<>();
    List<Unparsable> unparsable = new ArrayList<>();
    int line = 0;
    for (TeacherChunk chunk : input.chunks()) {
      line++;
      TeacherOutput output = outputs.get(chunk.id());
      String fingerprint = TeacherPrompts.fingerprint(
          TeacherPrompts.questionPrompt(chunk, settings.questionsPerChunk()));
      if (output == null || !output.promptSha256().equals(fingerprint)) {
        throw new InputException(input.outputs().name(), 0, null, "has no reply for chunk "
            + chunk.id() + " made with the current prompt; name a teacher model (the source's"
            + " \"model\") to generate it, or run the teacher generation first");
      }
      TeacherOutputParser.Parsed parsed = TeacherOutputParser.parse(chunk.id(), output.output());
      parsed.problems().forEach(problem -> unparsable.add(new Unparsable(chunk.id(), problem)));
      List<QaPair> pairs = parsed.pairs();
      for (int i = 0; i < pairs.size(); i++) {
        QaPair pair = pairs.get(i);
        String base = sourceId + "/" + chunk.id() + "/q" + (i + 1);
        if (settings.plain()) {
          examples.add(new TrainingExample(base, null, List.of(Turn.user(pair.question())),
              pair.answer(), 1.0, null, label, new Provenance(sourceId, input.chunksName(), line,
              sha, licence, "teacher-question")));
        }
        if (settings.retrievalAware()) {
          RetrievalAwarePrompt.Built built = retrieval.build(chunk, pair);
          examples.add(new TrainingExample(base + "/rag", null, List.of(Turn.user(built.user())),
              built.target(), 1.0, null, label, new Provenance(sourceId, input.chunksName(),
              line, sha, licence, "teacher-retrieval")));
        }
      }
    }
    return new Result(examples, unparsable);
  }
}
