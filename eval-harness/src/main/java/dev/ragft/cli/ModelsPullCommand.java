package dev.ragft.cli;

import dev.ragft.common.RagftException;
import dev.ragft.model.catalog.CatalogEntry;
import dev.ragft.model.catalog.ModelStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ragft models pull}: downloads catalogue models now rather than on first use. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Download catalogue models (resuming a partial download) and verify them.")
public final class ModelsPullCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Catalogue ids; none means the default model.")
  List<String> ids = List.of();

  private final Supplier<ModelStore> store;

  /** A command over the user's model store. */
  public ModelsPullCommand() {
    this(ModelStore::standard);
  }

  ModelsPullCommand(Supplier<ModelStore> store) {
    this.store = store;
  }

  @Override
  public Integer call() {
    ModelStore models = store.get();
    PrintWriter out = spec.commandLine().getOut();
    List<String> wanted = ids.isEmpty() ? List.of(models.catalog().defaultId()) : ids;
    for (String id : wanted) {
      CatalogEntry entry = models.catalog().find(id).orElseThrow(() -> new RagftException(
          "there is no model '" + id + "' in the catalogue (" + models.catalog().ids() + ")"));
      Path file = models.pull(entry);
      out.println(entry.id() + ": " + file + (entry.smoke()
          ? " (SMOKE MODEL: its answers mean nothing)" : ""));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
