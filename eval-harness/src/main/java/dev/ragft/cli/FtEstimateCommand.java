package dev.ragft.cli;

import dev.ragft.finetune.cost.CostEstimate;
import dev.ragft.finetune.cost.DatasetEstimate;
import dev.ragft.finetune.cost.PriceTable;
import dev.ragft.finetune.format.DatasetFiles;
import dev.ragft.finetune.format.Format;
import dev.ragft.finetune.token.ModelTokens;
import dev.ragft.finetune.token.TokenStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ragft ft estimate}: tokens per example, epochs and training cost of a dataset. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
    description = "Count tokens, choose epochs and estimate the training cost of a dataset.")
public final class FtEstimateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The training examples.")
  private Path input;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "ragft",
      description = "ragft (the default) or a provider format.")
  private String inputFormat;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The base model.")
  private String model;

  @Option(names = "--tokenizer", paramLabel = "SPEC", description = "Tokenizer overriding the model table's.")
  private String tokenizer;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Tokens per example overriding the model table's.")
  private Integer maxTokens;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: OpenAI's automatic choice).")
  private Integer epochs;

  @Option(names = "--prices", paramLabel = "FILE", description = "A price file overriding bundled entries.")
  private Path prices;

  /** Prints the estimate. */
  @Override
  public Integer call() {
    if (epochs != null && epochs <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--epochs must be > 0, but is: " + epochs);
    }
    try {
      if (!inputFormat.equalsIgnoreCase(DatasetFiles.RAGFT)) {
        Format.parse(inputFormat);
      }
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PriceTable table = prices == null ? PriceTable.bundled() : PriceTable.bundled().withOverrides(prices);
    DatasetEstimate estimate = DatasetEstimate.of(DatasetFiles.read(input, inputFormat),
        ModelTokens.resolve(model, tokenizer, maxTokens),
        epochs == null ? OptionalInt.empty() : OptionalInt.of(epochs), table, Path.of(""));
    PrintWriter out = spec.commandLine().getOut();
    TokenStats s = estimate.tokens().stats();
    out.printf("tokens (%s): %d examples, total %d, min %d, median %d, p95 %d, max %d%n",
        estimate.tokens().tokenizer(), s.examples(), s.total(), s.min(), s.median(), s.p95(), s.max());
    estimate.tokens().overLimit().forEach(o -> out.println("warning: " + o.warning()));
    CostEstimate c = estimate.cost();
    out.printf("epochs: %d (%s)%n", c.epochs(), c.automaticEpochs() ? "automatic" : "chosen");
    out.printf("billed tokens: %d per epoch, %d in all%n", c.billableTokensPerEpoch(), c.billedTokens());
    out.println(c.usdRounded().map(u -> "cost: USD " + u.toPlainString() + " at "
            + c.price().usdPerMillionTrainingTokens().toPlainString() + " per million tokens (as of "
            + c.price().asOf() + ", " + c.price().source() + ")")
        .orElse("cost: unknown, no price for " + model + "; add one with --prices"));
    return ExitCodes.OK;
  }
}
