package dev.ragft.rag.index;

import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.chunk.ChunkMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a chunk as the index sees it. A chunk is embedded and BM25-indexed together with
 * its document title and, for Markdown, its heading path, because a chunk cut from the middle of a
 * document often does not name its subject. With no headings this is {@code title + " " + text},
 * the recipe behind the published BEIR numbers for dense models.
 */
public final class ChunkText {

  private ChunkText() {
  }

  /** The model input for the chunk's passage embedding, before the model's passage prefix. */
  public static String forEmbedding(Chunk chunk) {
    return String.join(" ", parts(chunk));
  }

  /** The text of the chunk's BM25 field. */
  public static String forBm25(Chunk chunk) {
    return String.join("\n", parts(chunk));
  }

  private static List<String> parts(Chunk chunk) {
    List<String> parts = new ArrayList<>(3);
    String title = chunk.title().strip();
    String headings = chunk.metadata().getOrDefault(ChunkMetadata.HEADING_PATH, "").strip();
    if (!title.isEmpty() && !headings.startsWith(title)) {
      parts.add(title);
    }
    if (!headings.isEmpty()) {
      parts.add(headings);
    }
    parts.add(chunk.text());
    return parts;
  }
}
