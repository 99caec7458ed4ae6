package dev.ragft.datasets.cases;

import java.util.Objects;
import java.util.Optional;

/**
 * A claim a correct reply must not make, such as a stale fact from an older corpus version or a
 * plausible but wrong answer.
 *
 * @param match how the claim is recognised in a reply
 * @param reason why it is wrong, shown in reports (for example {@code stale: the version 1 price})
 */
public record ForbiddenClaim(TextMatch match, Optional<String> reason) {

  /** Validates the components. */
  public ForbiddenClaim {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(reason, "reason");
    reason.ifPresent(text -> {
      if (text.isBlank()) {
        throw new IllegalArgumentException("a forbidden claim's reason must not be blank");
      }
    });
  }
}
