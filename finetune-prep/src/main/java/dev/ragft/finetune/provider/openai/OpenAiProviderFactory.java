package dev.ragft.finetune.provider.openai;

import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.ProviderFactory;
import dev.ragft.finetune.provider.SettingsCheck;
import dev.ragft.finetune.provider.http.JsonHttp;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Makes {@link OpenAiProvider}s: settings {@code baseUrl} and {@code apiKeyEnv}. */
public final class OpenAiProviderFactory implements ProviderFactory {

  /** The documented base URL of the OpenAI API. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  /** The environment variable the key is read from by default. */
  public static final String DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";

  @Override
  public String type() {
    return "openai";
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
    JsonHttp http = new JsonHttp(settings.name(), SettingsCheck.baseUrl(settings), keyEnv, context,
        Map.of());
    return new OpenAiProvider(settings.name(), http, context.clock());
  }
}
