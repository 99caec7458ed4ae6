package dev.ragft.finetune.provider;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.ProviderSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks provider settings the same way for every type, so that no setting is silently ignored. */
public final class SettingsCheck {

  /** The name of the base URL setting. */
  public static final String BASE_URL = "baseUrl";
  /** The name of the API key variable setting. */
  public static final String API_KEY_ENV = "apiKeyEnv";
  /** The name of the account id setting. */
  public static final String ACCOUNT_ID = "accountId";
  /** The name of the command template setting. */
  public static final String COMMAND = "command";
  /** The name of the adapter path setting. */
  public static final String ADAPTER_PATH = "adapterPath";
  /** The name of the free-form options setting. */
  public static final String OPTIONS = "options";

  private SettingsCheck() {
  }

  /** Throws when a setting outside {@code used} is given, naming each one. */
  public static void rejectUnused(ProviderSettings settings, Set<String> used) {
    List<String> unused = new ArrayList<>();
    check(unused, used, BASE_URL, settings.baseUrl() != null);
    check(unused, used, API_KEY_ENV, settings.apiKeyEnv() != null);
    check(unused, used, ACCOUNT_ID, settings.accountId() != null);
    check(unused, used, COMMAND, !settings.command().isEmpty());
    check(unused, used, ADAPTER_PATH, settings.adapterPath() != null);
    check(unused, used, OPTIONS, !settings.options().isEmpty());
    if (!unused.isEmpty()) {
      throw new RagftException("provider '" + settings.name() + "' of type " + settings.type()
          + " does not use the setting" + (unused.size() > 1 ? "s " : " ")
          + String.join(", ", unused) + "; remove " + (unused.size() > 1 ? "them." : "it."));
    }
  }

  /** The value of a required setting; a missing one is an error naming it. */
  public static String require(ProviderSettings settings, String name, String value) {
    if (value == null || value.isBlank()) {
      throw new RagftException("provider '" + settings.name() + "' of type " + settings.type()
          + " needs the setting " + name + ".");
    }
    return value;
  }

  /** The base URL as a URI; a malformed one is an error naming the provider. */
  public static URI baseUrl(ProviderSettings settings) {
    String text = require(settings, BASE_URL, settings.baseUrl());
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
        throw new URISyntaxException(text, "an http or https URL with a host is expected");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new RagftException("provider '" + settings.name() + "' has a malformed base URL "
          + text + ": " + e.getReason() + ".", e);
    }
  }

  private static void check(List<String> unused, Set<String> used, String name, boolean given) {
    if (given && !used.contains(name)) {
      unused.add(name);
    }
  }
}
