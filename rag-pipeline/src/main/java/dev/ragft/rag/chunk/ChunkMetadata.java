package dev.ragft.rag.chunk;

/**
 * The metadata keys chunkers add to {@link Chunk#metadata()} on top of the document's metadata
 * (a chunker's key wins over a document key of the same name). For a PDF document the page table
 * ({@code pages}, {@code page_offsets}) is not copied; {@link #PAGE_START} and {@link #PAGE_END}
 * say which pages the chunk covers instead.
 */
public final class ChunkMetadata {

  /** The chunker that made the chunk: {@code fixed}, {@code recursive}, {@code markdown}, … */
  public static final String CHUNKER = "chunker";
  /**
   * Markdown chunker: the headings above the chunk, outermost first, joined by
   * {@value #HEADING_SEPARATOR}, e.g. {@code Pricing > Enterprise}; absent before the first
   * heading.
   */
  public static final String HEADING_PATH = "heading_path";
  /** What joins the headings of a {@link #HEADING_PATH}. */
  public static final String HEADING_SEPARATOR = " > ";
  /**
   * Sentence-window chunker: the document offset where the window of the chunk's sentence and
   * its neighbours begins; the window is the text of chunks {@code ordinal - k} to
   * {@code ordinal + k} of the same document.
   */
  public static final String WINDOW_START = "window_start";
  /** Sentence-window chunker: the document offset where the window ends (exclusive). */
  public static final String WINDOW_END = "window_end";
  /** PDF documents: the 1-based page where the chunk begins. */
  public static final String PAGE_START = "page_start";
  /** PDF documents: the 1-based page where the chunk ends. */
  public static final String PAGE_END = "page_end";

  private ChunkMetadata() {
  }
}
