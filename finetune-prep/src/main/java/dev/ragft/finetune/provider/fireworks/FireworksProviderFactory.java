package dev.ragft.finetune.provider.fireworks;

import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.ProviderFactory;
import dev.ragft.finetune.provider.SettingsCheck;
import dev.ragft.finetune.provider.http.JsonHttp;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes {@link FireworksProvider}s: settings {@code baseUrl}, {@code apiKeyEnv} and
 * {@code accountId} (required).
 */
public final class FireworksProviderFactory implements ProviderFactory {

  /** The documented base URL of the Fireworks API (paths start with {@code /v1}). */
  public static final String DEFAULT_BASE_URL = "https://api.fireworks.ai";
  /** The environment variable the key is read from by default. */
  public static final String DEFAULT_API_KEY_ENV = "FIREWORKS_API_KEY";

  @Override
  public String type() {
    return "fireworks";
  }

  @Override
  public ProviderSettings defaults(String name) {
    return new ProviderSettings(name, type(), DEFAULT_BASE_URL, DEFAULT_API_KEY_ENV, null,
        List.of(), null, Map.of());
  }

  @Override
  public FineTuningProvider create(ProviderSettings settings, ProviderContext context) {
    SettingsCheck.rejectUnused(settings, Set.of(SettingsCheck.BASE_URL,
        SettingsCheck.API_KEY_ENV, SettingsCheck.ACCOUNT_ID));
    String keyEnv = SettingsCheck.require(settings, SettingsCheck.API_KEY_ENV,
        settings.apiKeyEnv());
    String account = SettingsCheck.require(settings, SettingsCheck.ACCOUNT_ID,
        settings.accountId());
    JsonHttp http = new JsonHttp(settings.name(), SettingsCheck.baseUrl(settings), keyEnv,
        context, Map.of());
    return new FireworksProvider(settings.name(), http, account, context.retry(),
        context.sleeper());
  }
}
