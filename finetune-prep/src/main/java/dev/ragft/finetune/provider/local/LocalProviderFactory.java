package dev.ragft.finetune.provider.local;

import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.ProviderFactory;
import dev.ragft.finetune.provider.SettingsCheck;
import java.util.Set;

/**
 * Makes {@link LocalProvider}s (type {@code local}); registered as a {@link ProviderFactory}
 * service. The only setting is {@code options} ({@link LocalOptions}).
 */
public final class LocalProviderFactory implements ProviderFactory {

  /** The provider type. */
  public static final String TYPE = "local";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ProviderSettings defaults(String name) {
    return ProviderSettings.of(name, TYPE);
  }

  @Override
  public FineTuningProvider create(ProviderSettings settings, ProviderContext context) {
    SettingsCheck.rejectUnused(settings, Set.of(SettingsCheck.OPTIONS));
    return new LocalProvider(settings.name(), LocalOptions.parse(settings.name(),
        settings.options()), context.clock());
  }
}
