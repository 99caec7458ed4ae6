package dev.ragft.eval.demo;

import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.catalog.ResolvedModel;
import dev.ragft.model.provider.Provider;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The base model the demo runs: a GGUF file in this process (a path, or a catalogue model
 * downloaded on first use), or a model of a remote provider.
 *
 * @param provider where it runs
 * @param name its name, for messages
 * @param reference the file (llamacpp) or the provider's model name
 * @param smoke whether it is a smoke model, whose answers mean nothing
 */
record DemoModel(Provider provider, String name, String reference, boolean smoke) {

  /** Resolves the options' model, downloading a catalogue model when it is not here yet. */
  static DemoModel resolve(DemoOptions options, Supplier<ModelStore> store) {
    if (options.provider() != Provider.LLAMACPP) {
      return new DemoModel(options.provider(), options.model(), options.model(), false);
    }
    ResolvedModel resolved = store.get().resolve(options.model());
    return new DemoModel(Provider.LLAMACPP, resolved.name(),
        resolved.file().toAbsolutePath().normalize().toString(), resolved.smoke());
  }

  /** The file of an in-process model. */
  Path file() {
    return Path.of(reference);
  }

  /** One line for the demo's header. */
  String describe() {
    return provider == Provider.LLAMACPP ? name + " (llama.cpp in this process: " + reference
        + ")" : name + " (" + provider.id() + ")";
  }
}
