package dev.ragft.cli;

import dev.ragft.model.catalog.CatalogEntry;
import dev.ragft.model.catalog.ModelStore;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ragft models list}: the catalogue, with what is downloaded. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the catalogue's models and whether each is downloaded.")
public final class ModelsListCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  private final Supplier<ModelStore> store;

  /** A command over the user's model store. */
  public ModelsListCommand() {
    this(ModelStore::standard);
  }

  ModelsListCommand(Supplier<ModelStore> store) {
    this.store = store;
  }

  @Override
  public Integer call() {
    ModelStore models = store.get();
    PrintWriter out = spec.commandLine().getOut();
    for (ModelStore.Status status : models.list()) {
      CatalogEntry entry = status.entry();
      String state = status.present() ? "downloaded" : status.partialBytes() > 0
          ? String.format(Locale.ROOT, "partly downloaded (%d of %d bytes)",
              status.partialBytes(), entry.size()) : "not downloaded";
      out.printf(Locale.ROOT, "%s%s%n  %s%n  %s, %s, %s%n  %s%n", entry.id(),
          entry.id().equals(models.catalog().defaultId()) ? " (default)" : "", entry.label(),
          size(entry.size()), entry.license(), state, status.file());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String size(long bytes) {
    return bytes >= 1 << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1 << 30))
        : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
  }
}
