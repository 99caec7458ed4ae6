/**
 * The provider types and how they are configured. {@link dev.ragft.finetune.provider.Providers}
 * knows the built-in types ({@code openai}, {@code together}, {@code fireworks}, {@code mistral},
 * {@code command}) and any {@link dev.ragft.finetune.provider.ProviderFactory} plugged in as a
 * service; {@link dev.ragft.finetune.provider.FineTuningConfig} reads the configuration file;
 * {@link dev.ragft.finetune.provider.ProviderContext} carries what providers take from their
 * surroundings (environment, timeouts, retries, clock, notices); and
 * {@link dev.ragft.finetune.provider.FineTuningJobs} is the set of operations behind
 * {@code ragft ft submit | status | cancel | list}.
 */
package dev.ragft.finetune.provider;
