package dev.ragft.cli;

import dev.ragft.finetune.format.DatasetFiles;
import dev.ragft.finetune.format.ExportResult;
import dev.ragft.finetune.format.Exporter;
import dev.ragft.finetune.format.Format;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ragft ft export}: writes a dataset (ragft's own form or any format) in a provider format. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Convert a training set to a provider format.")
public final class FtExportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "The format to write.")
  private String format;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The examples to convert.")
  private Path input;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "ragft",
      description = "The input's format: ragft (a build's *.ragft.jsonl, the default) or a provider format.")
  private String inputFormat;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The file to write.")
  private Path output;

  /** Converts the file. */
  @Override
  public Integer call() {
    Format target;
    try {
      target = Format.parse(format);
      if (!inputFormat.equalsIgnoreCase(DatasetFiles.RAGFT)) {
        Format.parse(inputFormat);
      }
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    ExportResult result = Exporter.export(DatasetFiles.read(input, inputFormat), target, output);
    spec.commandLine().getOut().printf("wrote %d examples to %s as %s (%d skipped: no place in the format), sha256 %s%n",
        result.written(), output, target.cliName(), result.skipped().size(), result.sha256());
    return ExitCodes.OK;
  }
}
