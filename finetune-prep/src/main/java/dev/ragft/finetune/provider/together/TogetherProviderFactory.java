package dev.ragft.finetune.provider.together;

import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.ProviderFactory;
import dev.ragft.finetune.provider.SettingsCheck;
import dev.ragft.finetune.provider.http.JsonHttp;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Makes {@link TogetherProvider}s: settings {@code baseUrl} and {@code apiKeyEnv}. */
public final class TogetherProviderFactory implements ProviderFactory {

  /** The documented base URL of the Together API. */
  public static final String DEFAULT_BASE_URL = "https://api.together.ai/v1";
  /** The environment variable the key is read from by default. */
  public static final String DEFAULT_API_KEY_ENV = "TOGETHER_API_KEY";

  @Override
  public String type() {
    return "together";
  }

  @Override
  public ProviderSettings defaults(String name) {
    return new ProviderSettings(name, type(), DEFAULT_BASE_URL, DEFAULT_API_KEY_ENV, null,
        List.of(), null, Map.of());
  }

  @Override
  public FineTuningProvider create(ProviderSettings settings, ProviderContext context) {
    SettingsCheck.rejectUnused(settings, Set.of(SettingsCheck.BASE_URL,
        SettingsCheck.API_KEY_ENV));
    String keyEnv = SettingsCheck.require(settings, SettingsCheck.API_KEY_ENV,
        settings.apiKeyEnv());
    return new TogetherProvider(settings.name(),
        new JsonHttp(settings.name(), SettingsCheck.baseUrl(settings), keyEnv, context, Map.of()));
  }
}
