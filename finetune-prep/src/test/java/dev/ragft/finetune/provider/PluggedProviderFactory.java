package dev.ragft.finetune.provider;

import dev.ragft.finetune.job.Capabilities;
import dev.ragft.finetune.job.CreatedJob;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRequest;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.RemoteFile;
import dev.ragft.finetune.job.TrainingMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider type plugged in through {@code META-INF/services}, the way the in-process
 * {@code local} trainer registers: an in-process "trainer" whose jobs succeed at once with an
 * adapter in the job folder.
 */
public final class PluggedProviderFactory implements ProviderFactory {

  @Override
  public String type() {
    return "plugged";
  }

  @Override
  public ProviderSettings defaults(String name) {
    return new ProviderSettings(name, type(), null, null, null, List.of(), null,
        Map.of("threads", "1"));
  }

  @Override
  public FineTuningProvider create(ProviderSettings settings, ProviderContext context) {
    SettingsCheck.rejectUnused(settings, Set.of(SettingsCheck.OPTIONS));
    return new FineTuningProvider() {
      @Override
      public String name() {
        return settings.name();
      }

      @Override
      public Capabilities capabilities() {
        return new Capabilities(Set.of(TrainingMethod.SFT), Set.of(), false, false, false);
      }

      @Override
      public RemoteFile upload(Path file, FilePurpose purpose, String clientKey, Path workDir) {
        return new RemoteFile(file.toAbsolutePath().toString(), file.getFileName().toString());
      }

      @Override
      public Optional<RemoteFile> findUpload(FilePurpose purpose, String clientKey,
          Path workDir) {
        return Optional.empty();
      }

      @Override
      public CreatedJob createJob(JobRequest request) {
        return new CreatedJob(request.clientKey(), status(new JobHandle(request.clientKey(),
            request.workDir())));
      }

      @Override
      public Optional<CreatedJob> findJob(JobRequest request) {
        return Optional.empty();
      }

      @Override
      public JobState status(JobHandle job) {
        return new JobState.Succeeded(null, job.workDir().resolve("adapter.gguf").toString());
      }

      @Override
      public JobState cancel(JobHandle job) {
        return status(job);
      }
    };
  }
}
