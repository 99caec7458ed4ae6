package dev.ragft.cli;

import dev.ragft.finetune.build.Forgetter;
import dev.ragft.finetune.build.TrainedModel;
import dev.ragft.finetune.build.TrainedModelLookup;
import dev.ragft.finetune.job.RegistryModelLookup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ragft ft forget --source X}: rebuilds the training set without a source and lists every
 * fine-tuned model trained on data that held it, from the job registries installed
 * ({@link TrainedModelLookup} services; the job registry's own one reads {@code --registry}).
 */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Rebuild without a source and list the fine-tuned models trained on data that held it.")
public final class FtForgetCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The build configuration.")
  private Path config;

  @Option(names = "--source", required = true, paramLabel = "ID", description = "The source id or path to forget.")
  private String source;

  @Option(names = "--registry", paramLabel = "DIR",
      description = "The job registry to list models from (default: ~/.ragft/ft-jobs).")
  private Path registry;

  /** Forgets the source and prints what it found. */
  @Override
  public Integer call() {
    List<TrainedModelLookup> lookups = RegistryModelLookup.installed(registry);
    Forgetter.Result result = Forgetter.forget(config, source, lookups);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("rebuilt without %s: %d training and %d validation examples, manifest sha256 %s%n",
        source, result.rebuilt().train(), result.rebuilt().validation(),
        result.rebuilt().manifest().sha256());
    out.println("earlier manifests that held it: " + (result.manifestsWithSource().isEmpty()
        ? "none" : String.join(", ", result.manifestsWithSource())));
    if (!result.registryAvailable()) {
      out.println("no job registry is installed, so the models trained on those manifests cannot be listed");
    } else if (result.models().isEmpty()) {
      out.println("no registered fine-tuned model was trained on data that held it");
    }
    for (TrainedModel model : result.models()) {
      out.printf("trained on it: %s %s (job %s, manifest %s)%n", model.provider(), model.modelId(),
          model.jobId(), model.manifestSha256());
    }
    return ExitCodes.OK;
  }
}
