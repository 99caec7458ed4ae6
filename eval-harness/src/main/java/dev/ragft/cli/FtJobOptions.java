package dev.ragft.cli;

import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.provider.FineTuningConfig;
import dev.ragft.finetune.provider.FineTuningJobs;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.Providers;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every {@code ragft ft} job command shares: the registry and the configuration. */
public final class FtJobOptions {

  @Option(names = "--registry", paramLabel = "DIR",
      description = "The job registry folder (default: ~/.ragft/ft-jobs).")
  Path registry;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The fine-tuning configuration (default: ~/.ragft/fine-tuning.yaml when it"
          + " exists).")
  Path config;

  /** The job operations these options describe; notices go to {@code err}. */
  FineTuningJobs jobs(PrintWriter err) {
    FineTuningConfig settings;
    if (config != null) {
      settings = FineTuningConfig.read(config);
    } else if (Files.isRegularFile(FineTuningConfig.defaultFile())) {
      settings = FineTuningConfig.read(FineTuningConfig.defaultFile());
    } else {
      settings = FineTuningConfig.defaults();
    }
    ProviderContext standard = ProviderContext.standard(line -> {
      err.println("ragft: " + line);
      err.flush();
    });
    ProviderContext context = new ProviderContext(standard.environment(), settings.http(),
        settings.retry(), standard.sleeper(), standard.clock(), standard.notices());
    return new FineTuningJobs(settings, Providers.standard(),
        new JobRegistry(registry != null ? registry : JobRegistry.defaultRoot()), context);
  }
}
