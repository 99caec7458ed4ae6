package dev.ragft.finetune.provider;

import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.ProviderSettings;

/**
 * Makes providers of one type from their settings. The built-in types are {@code openai},
 * {@code together}, {@code fireworks}, {@code mistral} and {@code command}; further types (such as
 * the in-process {@code local} trainer) plug in by naming their factory in
 * {@code META-INF/services/dev.ragft.finetune.provider.ProviderFactory}.
 */
public interface ProviderFactory {

  /** The type this factory makes, e.g. {@code openai}. */
  String type();

  /**
   * The settings a provider of this type gets when it is configured by name only (for example
   * {@code --provider openai} with no configuration file): the documented base URL and API key
   * variable for remote types.
   */
  ProviderSettings defaults(String name);

  /**
   * Makes a provider; settings the type does not use, or required settings that are missing, are
   * an error with a one-sentence message naming the setting.
   */
  FineTuningProvider create(ProviderSettings settings, ProviderContext context);
}
