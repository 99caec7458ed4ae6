package dev.ragft.finetune.provider;

import dev.ragft.finetune.job.RetryPolicy;
import dev.ragft.finetune.job.Sleeper;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What providers get from their surroundings, so that tests can replace each part: the
 * environment (where API keys come from), HTTP timeouts, the retry policy, the sleeper that waits
 * between attempts, the clock, and where notices (warnings, retry notes) go.
 *
 * @param environment looks up an environment variable, null when unset
 * @param http HTTP timeouts
 * @param retry retry policy for remote calls
 * @param sleeper waits between attempts
 * @param clock the current time (used for dates such as provider shutdowns)
 * @param notices receives one line per warning or retry note; never given a secret
 */
public record ProviderContext(
    Function<String, String> environment,
    HttpSettings http,
    RetryPolicy retry,
    Sleeper sleeper,
    Clock clock,
    Consumer<String> notices) {

  /** Validates the components. */
  public ProviderContext {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(notices, "notices");
  }

  /** The real environment, default timeouts and retries, real waits and the system clock. */
  public static ProviderContext standard(Consumer<String> notices) {
    return new ProviderContext(System::getenv, HttpSettings.defaults(), RetryPolicy.defaults(),
        Sleeper.real(), Clock.systemUTC(), notices);
  }
}
