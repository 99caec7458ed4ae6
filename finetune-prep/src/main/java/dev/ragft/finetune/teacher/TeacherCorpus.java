package dev.ragft.finetune.teacher;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.common.OnError;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.chunk.Chunker;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.Chunkers;
import dev.ragft.rag.load.CorpusLoader;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.load.LoadConfig;
import dev.ragft.rag.load.SourceFile;
import dev.ragft.rag.token.HfTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A corpus cut into the chunks a teacher is asked about, with the retrieval pipeline's own loaders
 * ({@link CorpusLoader}: Markdown, HTML, PDF, text, JSON Lines) and chunkers ({@link Chunkers}),
 * so the teacher sees the passages retrieval will return. Loading stops at the first bad file.
 *
 * @param chunks the chunks, file by file in load order, each in document order; chunk ids are
 *     the retrieval pipeline's ({@code docId#ordinal})
 * @param files the files read, in load order
 */
public record TeacherCorpus(List<TeacherChunk> chunks, List<SourceFile> files) {

  /** Copies the lists. */
  public TeacherCorpus {
    chunks = List.copyOf(chunks);
    files = List.copyOf(files);
  }

  /** Loads the files and folders at {@code paths} and chunks every document. */
  public static TeacherCorpus load(List<Path> paths, ChunkerConfig chunking) {
    CorpusLoader loader = new CorpusLoader(LoadConfig.builder(paths).onError(OnError.FAIL)
        .build(), InputProblems.collecting());
    List<TeacherChunk> chunks = new ArrayList<>();
    try (HfTokenizer tokenizer = HfTokenizer.forModel(chunking.tokenizer());
        Stream<Document> documents = loader.stream()) {
      Chunker chunker = Chunkers.create(chunking, tokenizer);
      documents.forEach(document -> {
        for (Chunk chunk : chunker.chunk(document)) {
          chunks.add(new TeacherChunk(chunk.id(), chunk.docId(), chunk.text()));
        }
      });
    }
    return new TeacherCorpus(chunks, loader.files());
  }

  /**
   * The SHA-256 of the chunks as JSON Lines ({@code {"doc_id", "id", "text"}} per line), which
   * identifies what the teacher was shown.
   */
  public String sha256() {
    StringBuilder text = new StringBuilder();
    for (TeacherChunk chunk : chunks) {
      try {
        text.append(Json.mapper().writeValueAsString(Json.mapper().createObjectNode()
            .put("doc_id", chunk.docId()).put("id", chunk.id()).put("text", chunk.text())))
            .append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree could not be written", e);
      }
    }
    return Hashes.sha256(text.toString());
  }
}
