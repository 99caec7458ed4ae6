package dev.ragft.finetune.job;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to reach one configured provider. Recorded with every job, so it must never hold a secret:
 * API keys are named by {@link #apiKeyEnv()} and read from the environment when needed. Each
 * provider type uses some of the settings and rejects the others when it is created.
 *
 * @param name the name the provider is configured under, e.g. {@code openai} or {@code my-trl}
 * @param type the provider type: {@code openai}, {@code together}, {@code fireworks},
 *     {@code mistral}, {@code command}, or a plugged-in type such as {@code local}
 * @param baseUrl the API's base URL (remote providers), or null for the type's default
 * @param apiKeyEnv the environment variable holding the API key (remote providers), or null for
 *     the type's default
 * @param accountId the account id (Fireworks), or null
 * @param command the command template (command provider), empty otherwise
 * @param adapterPath where the trainer writes its adapter (command provider), or null
 * @param options further settings of plugged-in provider types, by name
 */
public record ProviderSettings(
    String name,
    String type,
    String baseUrl,
    String apiKeyEnv,
    String accountId,
    List<String> command,
    String adapterPath,
    Map<String, String> options) {

  /** Validates the components and copies the collections. */
  public ProviderSettings {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a provider needs a name");
    }
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("provider '" + name + "' needs a type");
    }
    command = command == null ? List.of() : List.copyOf(command);
    options = options == null ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(options)));
  }

  /** Settings with only a name and a type; everything else takes the type's defaults. */
  public static ProviderSettings of(String name, String type) {
    return new ProviderSettings(name, type, null, null, null, List.of(), null, Map.of());
  }

  /** A copy with another base URL. */
  public ProviderSettings withBaseUrl(String url) {
    return new ProviderSettings(name, type, url, apiKeyEnv, accountId, command, adapterPath,
        options);
  }

  /** A copy with another API key variable. */
  public ProviderSettings withApiKeyEnv(String variable) {
    return new ProviderSettings(name, type, baseUrl, variable, accountId, command, adapterPath,
        options);
  }

  /** A copy with these options added to (or replacing) the ones already set. */
  public ProviderSettings withOptions(Map<String, String> more) {
    Map<String, String> merged = new TreeMap<>(options);
    merged.putAll(more);
    return new ProviderSettings(name, type, baseUrl, apiKeyEnv, accountId, command, adapterPath,
        merged);
  }

  /** A copy with another account id. */
  public ProviderSettings withAccountId(String account) {
    return new ProviderSettings(name, type, baseUrl, apiKeyEnv, account, command, adapterPath,
        options);
  }
}
