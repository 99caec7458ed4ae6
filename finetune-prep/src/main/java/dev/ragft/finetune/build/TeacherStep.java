package dev.ragft.finetune.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.finetune.source.SourceFile;
import dev.ragft.finetune.source.TeacherSource;
import dev.ragft.finetune.teacher.TeacherChunk;
import dev.ragft.finetune.teacher.TeacherCorpus;
import dev.ragft.finetune.teacher.TeacherFiles;
import dev.ragft.finetune.teacher.TeacherGenerator;
import dev.ragft.finetune.teacher.TeacherOutput;
import dev.ragft.finetune.teacher.TeacherPrompts;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.ChatModels;
import dev.ragft.model.provider.ConfiguredChatModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Prepares a teacher source for {@link TeacherSource}: its chunks (a chunks file, or a corpus
 * loaded and chunked by the retrieval pipeline) and its reply cache, asking the configured teacher
 * model for every chunk whose reply is missing or was made with another prompt. The model is opened
 * only when a reply is missing, so a build whose replies are all cached never runs it. Records the
 * files read in the manifest.
 */
final class TeacherStep {

  private TeacherStep() {
  }

  /** The chunks and reply cache of {@code source}, after generating missing replies. */
  static TeacherSource.Input prepare(BuildConfig.Source source, Path baseDir, String configName,
      String field, ArrayNode files) {
    List<TeacherChunk> chunks;
    String chunksName;
    String chunksSha;
    if (source.chunks() != null) {
      SourceFile file = SourceFile.of(source.chunks(), baseDir, configName, field + ".chunks");
      files.addObject().put("path", file.name()).put("sha256", file.sha256());
      chunks = TeacherFiles.readChunks(file.path());
      chunksName = file.name();
      chunksSha = file.sha256();
    } else {
      TeacherCorpus corpus = TeacherCorpus.load(source.corpus().stream().map(baseDir::resolve)
          .toList(), source.chunking().config());
      for (dev.ragft.rag.load.SourceFile file : corpus.files()) {
        Path path = file.path().toAbsolutePath().normalize();
        String name = path.startsWith(baseDir) ? baseDir.relativize(path).toString()
            .replace('\\', '/') : file.source();
        files.addObject().put("path", name).put("sha256", Hashes.sha256(path));
      }
      chunks = corpus.chunks();
      chunksName = "corpus " + String.join(", ", source.corpus());
      chunksSha = corpus.sha256();
    }
    Path outputs = baseDir.resolve(source.outputs());
    if (source.model() != null && missing(chunks, outputs, source.questionsPerChunk())) {
      ChatModelConfig config = modelConfig(source.model(), baseDir, configName, field + ".model");
      try (ConfiguredChatModel teacher = ChatModels.open(config)) {
        new TeacherGenerator(teacher.chat(), source.questionsPerChunk()).generate(chunks,
            outputs);
      }
    }
    SourceFile cache = SourceFile.of(source.outputs(), baseDir, configName, field + ".outputs");
    files.addObject().put("path", cache.name()).put("sha256", cache.sha256());
    return new TeacherSource.Input(chunks, chunksName, chunksSha, cache);
  }

  private static boolean missing(List<TeacherChunk> chunks, Path outputs, int questions) {
    Map<String, TeacherOutput> cached = TeacherFiles.readOutputs(outputs);
    return chunks.stream().anyMatch(chunk -> {
      TeacherOutput output = cached.get(chunk.id());
      return output == null || !output.promptSha256().equals(
          TeacherPrompts.fingerprint(TeacherPrompts.questionPrompt(chunk, questions)));
    });
  }

  /**
   * The teacher's chat model configuration: inline, or read from the file a string names. A
   * relative GGUF path of an in-process model resolves against the folder of the file that names
   * it.
   */
  static ChatModelConfig modelConfig(JsonNode model, Path baseDir, String configName,
      String field) {
    if (model.isTextual()) {
      Path file = baseDir.resolve(model.asText());
      if (!Files.isRegularFile(file)) {
        throw new InputException(configName, 0, field, "names " + model.asText()
            + ", which does not exist");
      }
      ChatModelConfig.read(file);
      try {
        JsonNode tree = file.getFileName().toString().endsWith(".json")
            ? Json.mapper().readTree(file.toFile()) : Json.yaml().readTree(file.toFile());
        return convert(tree, file.toAbsolutePath().getParent(), file.toString(), null);
      } catch (IOException e) {
        throw new InputException(file.toString(), 0, null, "cannot be read: " + e.getMessage(),
            e);
      }
    }
    return convert(model, baseDir, configName, field);
  }

  private static ChatModelConfig convert(JsonNode node, Path dir, String source, String field) {
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    String provider = copy.path("provider").asText("llamacpp");
    JsonNode path = copy.get("model");
    if (provider.equals("llamacpp") && path != null && path.isTextual()
        && Files.isRegularFile(dir.resolve(path.asText()))) {
      copy.put("model", dir.resolve(path.asText()).toAbsolutePath().normalize().toString());
    }
    try {
      return Json.mapper().treeToValue(copy, ChatModelConfig.class);
    } catch (JsonProcessingException e) {
      String problem = e.getCause() != null && e.getCause().getMessage() != null
          ? e.getCause().getMessage() : e.getOriginalMessage();
      throw new InputException(source, 0, field, "is not a valid chat model configuration: "
          + problem, e);
    }
  }
}
