package dev.ragft.rag.index;

/**
 * What one indexing run did.
 *
 * @param documents documents read from the input
 * @param indexed documents added or replaced (new, or changed since the last run)
 * @param unchanged documents skipped because the index already held this exact version
 * @param deleted documents removed (absent from a synchronizing run, or without any text)
 * @param duplicates documents skipped because an earlier one in the same input had their id
 * @param chunks chunks written
 * @param commits commits made
 */
public record IndexStats(long documents, long indexed, long unchanged, long deleted,
    long duplicates, long chunks, long commits) {

  /** The line a command prints at the end of a run. */
  public String summary() {
    return documents + " documents read: " + indexed + " indexed (" + chunks + " chunks), "
        + unchanged + " unchanged, " + deleted + " deleted"
        + (duplicates > 0 ? ", " + duplicates + " duplicate ids skipped" : "");
  }
}
