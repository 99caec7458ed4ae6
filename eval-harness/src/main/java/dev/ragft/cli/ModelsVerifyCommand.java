package dev.ragft.cli;

import dev.ragft.model.catalog.ModelStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ragft models verify}: checks downloaded models against their pinned size and SHA-256;
 * exit code 1 when one does not match.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check downloaded models against their pinned size and SHA-256.")
public final class ModelsVerifyCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Catalogue ids; none means every downloaded model.")
  List<String> ids = List.of();

  private final Supplier<ModelStore> store;

  /** A command over the user's model store. */
  public ModelsVerifyCommand() {
    this(ModelStore::standard);
  }

  ModelsVerifyCommand(Supplier<ModelStore> store) {
    this.store = store;
  }

  @Override
  public Integer call() {
    ModelStore models = store.get();
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    int checked = 0;
    for (ModelStore.Status status : models.list()) {
      boolean named = ids.contains(status.entry().id());
      if (!(ids.isEmpty() ? status.present() : named)) {
        continue;
      }
      checked++;
      String problem = models.verify(status.entry());
      out.println(status.entry().id() + ": " + (problem == null ? "ok" : problem));
      failed += problem == null ? 0 : 1;
    }
    for (String id : ids) {
      if (models.catalog().find(id).isEmpty()) {
        out.println(id + ": not in the catalogue (" + models.catalog().ids() + ")");
        failed++;
      }
    }
    if (checked == 0 && ids.isEmpty()) {
      out.println("no model is downloaded yet; 'ragft models pull' downloads the default");
    }
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.GATE_FAILED;
  }
}
