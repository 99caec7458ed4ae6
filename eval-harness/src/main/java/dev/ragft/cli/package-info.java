/**
 * The {@code ragft} command line: one picocli class per subcommand. A command only turns its
 * options into a configuration record and calls a library class, so everything it does is testable
 * without the command line. Exit codes: 0 ok, 1 a gate or threshold failed, 2 usage error,
 * 3 runtime error (see {@link dev.ragft.cli.ExitCodes}).
 */
package dev.ragft.cli;
