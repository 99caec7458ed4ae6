package dev.ragft.cli;

import dev.ragft.finetune.format.Format;
import dev.ragft.finetune.format.ValidationReport;
import dev.ragft.finetune.format.Validator;
import dev.ragft.finetune.token.ExampleTokens;
import dev.ragft.finetune.token.ModelTokens;
import dev.ragft.finetune.token.TokenCounter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ragft ft validate --format F FILE}: checks any file against a provider format's
 * documented rules, printing {@code file:line: rule} for each broken rule. Exit 1 when any rule is
 * broken.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a training file against a provider format's documented rules.")
public final class FtValidateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "One of: openai, openai-dpo, together-chat, together-instruction, "
          + "together-preference, fireworks, mistral, trl, alpaca, sharegpt.")
  private String format;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Base model: also check each example's tokens against its limit.")
  private String model;

  @Option(names = "--tokenizer", paramLabel = "SPEC",
      description = "Tokenizer: o200k_base, cl100k_base, hf:tokenizer.json or gguf:model.gguf.")
  private String tokenizer;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Tokens per example allowed.")
  private Integer maxTokens;

  @Parameters(paramLabel = "FILE", description = "The JSON Lines file to check.")
  private Path file;

  /** Validates the file and prints every violation. */
  @Override
  public Integer call() {
    Format parsed = parseFormat();
    PrintWriter out = spec.commandLine().getOut();
    ValidationReport report;
    if (model == null && tokenizer == null && maxTokens == null) {
      report = Validator.validate(file, parsed);
    } else {
      ModelTokens tokens = ModelTokens.resolve(model, tokenizer, maxTokens);
      if (tokens.limit() <= 0) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "no token limit is known for " + model + "; give --max-tokens");
      }
      try (TokenCounter counter = tokens.open(Path.of(""))) {
        report = Validator.validate(file, parsed, new Validator.TokenBudget(
            new ExampleTokens(counter, tokens.formula()), tokens.limit(),
            model == null ? counter.name() : model));
      }
    }
    report.violations().forEach(out::println);
    out.printf("%s: %d examples, %d violations of %s rules%n", report.source(), report.examples(),
        report.violations().size(), parsed.cliName());
    return report.ok() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
  }

  private Format parseFormat() {
    try {
      return Format.parse(format);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
