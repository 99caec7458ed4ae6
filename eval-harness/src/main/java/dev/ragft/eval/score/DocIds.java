package dev.ragft.eval.score;

import java.util.Collection;

/**
 * How document ids of a corpus are matched against a case's gold document ids and a reply's
 * cited sources. A document matches an id when the two are equal, or when the document id with
 * its file extension removed equals it: loading {@code pricing-plans.html} from a folder gives the
 * document id {@code pricing-plans.html}, which matches the gold id {@code pricing-plans}.
 */
public final class DocIds {

  private DocIds() {
  }

  /** Whether document {@code docId} is the document {@code id} names. */
  public static boolean matches(String docId, String id) {
    return docId.equals(id) || withoutExtension(docId).equals(id);
  }

  /** Whether document {@code docId} is any of {@code ids}. */
  public static boolean matchesAny(String docId, Collection<String> ids) {
    for (String id : ids) {
      if (matches(docId, id)) {
        return true;
      }
    }
    return false;
  }

  /** The id without a file extension: the part before the last dot of the last path segment. */
  public static String withoutExtension(String docId) {
    int slash = docId.lastIndexOf('/');
    int dot = docId.lastIndexOf('.');
    return dot > slash + 1 ? docId.substring(0, dot) : docId;
  }
}
