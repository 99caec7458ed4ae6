package dev.ragft.eval.run;

import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.ChatModels;
import dev.ragft.model.provider.ConfiguredChatModel;
import dev.ragft.model.provider.Sleeper;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a run takes from its surroundings, so tests can replace it: progress lines, a listener,
 * how models are opened, and the clock and waits of rate limits and retries.
 *
 * @param progress makes progress lines
 * @param listener told of each finished sample
 * @param opener opens a model configuration
 * @param sleeper waits (rate limits, retries)
 * @param nanoClock the monotonic clock of rate limits
 */
public record RunEnvironment(ProgressFactory progress, RunListener listener,
    Function<ChatModelConfig, ConfiguredChatModel> opener, Sleeper sleeper,
    LongSupplier nanoClock) {

  /** Validates the components. */
  public RunEnvironment {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(opener, "opener");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** Progress as given, no listener, models opened by {@link ChatModels#open}, the real clock. */
  public static RunEnvironment of(ProgressFactory progress) {
    return new RunEnvironment(progress, RunListener.NONE, ChatModels::open, Sleeper.SYSTEM,
        System::nanoTime);
  }

  /** A copy with another listener. */
  public RunEnvironment withListener(RunListener value) {
    return new RunEnvironment(progress, value, opener, sleeper, nanoClock);
  }
}
