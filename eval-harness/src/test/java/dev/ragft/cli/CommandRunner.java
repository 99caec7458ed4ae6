package dev.ragft.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code ragft} command line in-process and captures what it prints. */
final class CommandRunner {

  private CommandRunner() {
  }

  /** The outcome of one run. */
  record Result(int exitCode, String out, String err) {
  }

  /** Runs {@code ragft args...}. */
  static Result run(String... args) {
    CommandLine line = Ragft.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
