package dev.ragft.finetune.provider;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.provider.command.CommandProviderFactory;
import dev.ragft.finetune.provider.fireworks.FireworksProviderFactory;
import dev.ragft.finetune.provider.mistral.MistralProviderFactory;
import dev.ragft.finetune.provider.openai.OpenAiProviderFactory;
import dev.ragft.finetune.provider.together.TogetherProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The provider types ragft knows: the built-in ones and those plugged in as services. */
public final class Providers {

  private final Map<String, ProviderFactory> factories;

  private Providers(Map<String, ProviderFactory> factories) {
    this.factories = Map.copyOf(factories);
  }

  /** The built-in types plus every {@link ProviderFactory} service on the class path. */
  public static Providers standard() {
    Map<String, ProviderFactory> factories = new TreeMap<>();
    for (ProviderFactory builtIn : List.of(new OpenAiProviderFactory(),
        new TogetherProviderFactory(), new FireworksProviderFactory(),
        new MistralProviderFactory(), new CommandProviderFactory())) {
      factories.put(builtIn.type(), builtIn);
    }
    for (ProviderFactory plugged : ServiceLoader.load(ProviderFactory.class)) {
      factories.putIfAbsent(plugged.type(), plugged);
    }
    return new Providers(factories);
  }

  /** Exactly these factories, for tests. */
  public static Providers of(List<ProviderFactory> factories) {
    Map<String, ProviderFactory> byType = new TreeMap<>();
    factories.forEach(factory -> byType.put(factory.type(), factory));
    return new Providers(byType);
  }

  /** The known types, sorted. */
  public List<String> types() {
    return factories.keySet().stream().sorted().toList();
  }

  /** The factory of a type; an unknown type is an error listing the known ones. */
  public ProviderFactory factory(String type) {
    ProviderFactory factory = factories.get(type);
    if (factory == null) {
      throw new RagftException("unknown provider type '" + type + "'; known types: "
          + String.join(", ", types()) + ".");
    }
    return factory;
  }

  /** Makes the provider these settings describe. */
  public FineTuningProvider create(ProviderSettings settings, ProviderContext context) {
    return factory(settings.type()).create(settings, context);
  }
}
