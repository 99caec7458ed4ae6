package dev.ragft.eval.run;

import dev.ragft.common.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The sampling seed of each sample, derived from the run's seed, the case and the sample number
 * (not the setup: every setup draws sample {@code i} of a case with the same seed, so setups are
 * compared on equal terms). The same inputs always give the same seed, a non-negative int.
 */
public final class Seeds {

  private Seeds() {
  }

  /** The seed of sample {@code index} of {@code caseId} in a run seeded with {@code runSeed}. */
  public static int of(long runSeed, String caseId, int index) {
    byte[] digest = Hashes.sha256().digest((runSeed + "\u0000" + caseId + "\u0000" + index)
        .getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest).getInt() & Integer.MAX_VALUE;
  }
}
