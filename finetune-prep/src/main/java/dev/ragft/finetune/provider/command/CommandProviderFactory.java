package dev.ragft.finetune.provider.command;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.ProviderFactory;
import dev.ragft.finetune.provider.SettingsCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes {@link CommandProvider}s: settings {@code command} (required: the program and its
 * arguments as a list, with placeholders) and {@code adapterPath} (default
 * {@code {output_dir}}).
 */
public final class CommandProviderFactory implements ProviderFactory {

  /** Where the adapter is looked for when the settings do not say. */
  public static final String DEFAULT_ADAPTER_PATH = "{" + CommandTemplate.OUTPUT_DIR + "}";

  @Override
  public String type() {
    return "command";
  }

  @Override
  public ProviderSettings defaults(String name) {
    return new ProviderSettings(name, type(), null, null, null, List.of(), DEFAULT_ADAPTER_PATH,
        Map.of());
  }

  @Override
  public FineTuningProvider create(ProviderSettings settings, ProviderContext context) {
    SettingsCheck.rejectUnused(settings, Set.of(SettingsCheck.COMMAND,
        SettingsCheck.ADAPTER_PATH));
    CommandTemplate command = new CommandTemplate(settings.name(), settings.command());
    String adapterPath = settings.adapterPath() == null ? DEFAULT_ADAPTER_PATH
        : settings.adapterPath();
    Set<String> used = new CommandTemplate(settings.name(), List.of(adapterPath)).placeholders();
    Set<String> allowed = CommandProvider.adapterPlaceholders();
    if (!allowed.containsAll(used)) {
      Set<String> wrong = new TreeSet<>(used);
      wrong.removeAll(allowed);
      throw new RagftException("provider '" + settings.name() + "' has the placeholder"
          + (wrong.size() > 1 ? "s {" : " {") + String.join("}, {", wrong) + "} in its "
          + "adapterPath; only {" + String.join("}, {", new TreeSet<>(allowed)) + "} are allowed.");
    }
    return new CommandProvider(settings.name(), command, adapterPath);
  }
}
