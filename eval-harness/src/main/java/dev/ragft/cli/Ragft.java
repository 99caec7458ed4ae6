package dev.ragft.cli;

import dev.ragft.common.RagftException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The {@code ragft} command. Subcommands do the work; this class wires them together and maps
 * failures to exit codes: a usage error prints the problem and the usage (exit 2), a ragft failure
 * prints its one-sentence message (exit 3), and only an unexpected bug prints a stack trace.
 */
@Command(
    name = "ragft",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Should you add retrieval (RAG), fine-tune, or both? ragft runs the same failure cases",
        "against baseline, RAG, fine-tuned and hybrid setups and tells you, with evidence."},
    subcommands = {
        CommandLine.HelpCommand.class,
        IndexCommand.class,
        SearchCommand.class,
        RetrievalEvalCommand.class,
        RetrievalCompareCommand.class,
        FtCommand.class,
        DatasetCommand.class,
        ServeCommand.class,
        ModelsCommand.class,
        EvalCommand.class,
        DemoCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:ok",
        "1:a gate or threshold failed",
        "2:usage error",
        "3:runtime error"})
public final class Ragft {

  private Ragft() {
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; never exits the JVM. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for tests that want to capture its output. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Ragft());
    line.setExecutionExceptionHandler(new FailureHandler());
    line.setParameterExceptionHandler((exception, arguments) -> {
      CommandLine command = exception.getCommandLine();
      PrintWriter err = command.getErr();
      err.println("ragft: " + exception.getMessage());
      err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
      return ExitCodes.USAGE;
    });
    return line;
  }

  /** Prints ragft's own failures as one sentence and returns exit code 3. */
  private static final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception exception, CommandLine command,
        ParseResult parseResult) {
      PrintWriter err = command.getErr();
      if (exception instanceof CommandLine.ParameterException usage) {
        err.println("ragft: " + usage.getMessage());
        return ExitCodes.USAGE;
      }
      if (exception instanceof RagftException || exception instanceof UncheckedIOException) {
        err.println("ragft: " + exception.getMessage());
        if (Boolean.getBoolean("ragft.stacktrace")) {
          exception.printStackTrace(err);
        }
        return ExitCodes.RUNTIME_ERROR;
      }
      err.println("ragft: unexpected failure (a bug; please report it with this trace):");
      exception.printStackTrace(err);
      return ExitCodes.RUNTIME_ERROR;
    }
  }
}
