package dev.ragft.cli;

import dev.ragft.eval.demo.Demo;
import dev.ragft.eval.demo.DemoOptions;
import dev.ragft.eval.run.ProgressFactory;
import dev.ragft.model.provider.Provider;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ragft demo}: the main job on embedded defaults. It turns the options into
 * {@link DemoOptions} and runs {@link Demo}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"The main job, on embedded defaults: index the bundled Wrenbolt support",
        "corpus (version 1), build its behaviour training set, fine-tune the base model",
        "locally (time-boxed), evaluate baseline, RAG, fine-tuned, hybrid and oracle on the",
        "same failure cases, print the table and the diagnosis and write the reports; then",
        "update the corpus to version 2 (facts changed), evaluate again and show freshness.",
        "Everything goes under --out; running again reuses what is done."})
public final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "ragft-demo",
      description = "The folder for everything the demo writes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--model", paramLabel = "FILE|ID|NAME",
      description = {"The base model. llamacpp: a GGUF file or a catalogue id (default: the",
          "catalogue's default, downloaded on first use; see 'ragft models list'). Other",
          "providers: the provider's model name."})
  String model;

  @Option(names = "--provider", paramLabel = "NAME", defaultValue = "llamacpp",
      description = "Where the base model runs: llamacpp (in this process), ollama or"
          + " openai-compatible (default: ${DEFAULT-VALUE}).")
  String provider;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The server of ollama or openai-compatible (default: the provider's).")
  String baseUrl;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "The environment variable holding the openai-compatible API key.")
  String apiKeyEnv;

  @Option(names = "--finetuned-model", paramLabel = "NAME",
      description = "With ollama or openai-compatible: a model already fine-tuned there,"
          + " evaluated as the fine-tuned arm (the local trainer fine-tunes GGUF models only).")
  String finetunedModel;

  @Option(names = "--cases", paramLabel = "N|all", defaultValue = "24",
      description = "Failure cases per corpus version, drawn stratified by category, or all"
          + " (default: ${DEFAULT-VALUE}).")
  String cases;

  @Option(names = "--train-minutes", paramLabel = "MIN", defaultValue = "10",
      description = "The time limit of local fine-tuning, model loading included (default:"
          + " ${DEFAULT-VALUE}).")
  double trainMinutes;

  @Option(names = "--train-steps", paramLabel = "N",
      description = "Optimizer steps of local fine-tuning (default: one pass over the data).")
  Integer trainSteps;

  @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "256",
      description = "The longest reply in tokens (default: ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(names = "--context-size", paramLabel = "N", defaultValue = "4096",
      description = "The llama.cpp context window in tokens (default: ${DEFAULT-VALUE}).")
  int contextSize;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "llama.cpp and trainer threads; 0 for one per processor (default:"
          + " ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "The seed of case sampling, training and generation (default:"
          + " ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--quiet", description = "Draw no progress lines.")
  boolean quiet;

  @Override
  public Integer call() {
    DemoOptions options;
    try {
      options = new DemoOptions(out, Provider.parse(provider), model, baseUrl, apiKeyEnv,
          finetunedModel, parseCases(), trainMinutes, trainSteps, maxTokens, contextSize,
          threads, seed, quiet);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    new Demo(options, spec.commandLine().getOut(), quiet ? ProgressFactory.silent()
        : ProgressFactory.console()).run();
    return ExitCodes.OK;
  }

  private Integer parseCases() {
    if (cases.equals("all")) {
      return null;
    }
    try {
      return Integer.parseInt(cases);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--cases must be a whole number or all, but is: "
          + cases);
    }
  }
}
