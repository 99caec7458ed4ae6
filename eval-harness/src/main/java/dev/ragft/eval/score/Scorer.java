package dev.ragft.eval.score;

import dev.ragft.eval.result.Check;
import java.util.List;

/**
 * Checks one reply against what its case asks for.
 *
 * <p>Contract for every implementation: the checks come in a stable order with stable names, so
 * two runs of the same reply give equal lists; a scorer returns no checks when the case asks
 * nothing it checks (a case without a format gives no format checks); it never throws for a bad
 * reply (a reply that is not JSON fails a check, it does not fail the run). Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface Scorer {

  /** The checks of {@code reply}, possibly none. */
  List<Check> score(Reply reply);
}
