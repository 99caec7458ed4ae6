package dev.ragft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ragft models}: the model manager's commands; alone, it prints their usage. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List, download and verify the pinned models of the catalogue.",
    subcommands = {ModelsListCommand.class, ModelsPullCommand.class, ModelsVerifyCommand.class})
public final class ModelsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }
}
