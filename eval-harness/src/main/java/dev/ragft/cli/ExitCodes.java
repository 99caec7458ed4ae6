package dev.ragft.cli;

/** The meaning of every exit code the {@code ragft} command returns. */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;
  /** The command ran, but a gate or threshold it checks was not met. */
  public static final int GATE_FAILED = 1;
  /** The command line was wrong: an unknown option, a bad value, a bad combination. */
  public static final int USAGE = 2;
  /** The command failed while running: bad input, a missing model, an unreachable service. */
  public static final int RUNTIME_ERROR = 3;

  private ExitCodes() {
  }
}
