package dev.ragft.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.eval.config.EvalConfigReader;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.finetune.job.CreatedJob;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.LocalFile;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.RemoteFile;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.model.gguf.GgufValue;
import dev.ragft.model.gguf.GgufWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of the setup matrix with the real model: a fine-tuned model from the job registry, an
 * adapter added to a setup with a scale, grammar-constrained output, and a calibrated judge.
 */
class SetupMatrixIT {

  @TempDir
  Path dir;

  /** A LoRA adapter for stories260K's first query projection, in llama.cpp's GGUF layout. */
  private static Path adapter(Path file) {
    float[] a = new float[64 * 4];
    float[] b = new float[4 * 64];
    Arrays.fill(a, 0.5f);
    Arrays.fill(b, 0.5f);
    new GgufWriter()
        .put("general.architecture", new GgufValue.Text("llama"))
        .put("general.type", new GgufValue.Text("adapter"))
        .put("adapter.type", new GgufValue.Text("lora"))
        .addF32("blk.0.attn_q.weight.lora_a", new long[] {64, 4}, a)
        .addF32("blk.0.attn_q.weight.lora_b", new long[] {4, 64}, b)
        .write(file);
    return file;
  }

  private static void register(Path registry, String key, JobState state) {
    Instant at = Instant.parse("2026-11-21T10:00:00Z");
    JobSpec spec = new JobSpec("stories260K", TrainingMethod.SFT, Path.of("train.jsonl"), null,
        Hyperparameters.defaults(), null, "a".repeat(64));
    JobRecord record = JobRecord.recorded(key, ProviderSettings.of("local", "local"), spec,
            new LocalFile("/data/train.jsonl", "c".repeat(64), 120), null, at)
        .withUpload(FilePurpose.TRAINING, new RemoteFile("file-1", "train.jsonl"), at)
        .withCreateSent(at)
        .withJob(new CreatedJob("local-" + key, new JobState.Queued()), at)
        .withState(state, at);
    new JobRegistry(registry).createIfAbsent(record);
  }

  @Test
  void registered_adapters_scales_constraints_and_the_judge_take_part_in_a_run()
      throws Exception {
    Path adapter = adapter(dir.resolve("adapter.gguf"));
    Path registry = dir.resolve("jobs");
    register(registry, "ft-0001", new JobState.Succeeded(null, adapter.toString()));
    Files.writeString(dir.resolve("labels.jsonl"), """
        {"id": "1", "question": "Capital of France?", "reply": "Paris.", "correct": true}
        {"id": "2", "question": "Capital of France?", "reply": "Lyon.", "correct": false}
        {"id": "3", "question": "15 times 12?", "reply": "180", "correct": true}
        {"id": "4", "question": "15 times 12?", "reply": "150", "correct": false}
        """);
    String yaml = RunFixtures.config(dir, List.of("b-key", "c-capital"), """
        registered:
          finetuned: {job: ft-0001, registry: %s, from: base}
        judge: {model: base, calibration: labels.jsonl, minKappa: 0.6, maxTokens: 48}
        setups:
          - {id: baseline, model: base}
          - {id: scaled-off, model: base, adapters: ["%s=0.0"]}
          - {id: finetuned, model: finetuned}
          - {id: constrained, model: base, constrained: true}
        """.formatted(registry, adapter));

    RunOutcome outcome = EvalRunner.run(EvalConfigReader.parse(yaml, "eval.yaml", dir),
        dir.resolve("run"), ProgressFactory.silent());
    RunResult result = outcome.result();

    assertThat(result.setups()).extracting(SetupInfo::adapter)
        .containsExactly("", "adapter.gguf=0.0", "job ft-0001, adapter.gguf=1.0", "");
    CaseResult baseline = result.result("c-capital", "baseline").orElseThrow();
    CaseResult off = result.result("c-capital", "scaled-off").orElseThrow();
    CaseResult tuned = result.result("c-capital", "finetuned").orElseThrow();
    assertThat(off.samples().get(0).answer()).isEqualTo(baseline.samples().get(0).answer());
    assertThat(off.samples().get(0).usage().cached()).isFalse();
    assertThat(tuned.samples().get(0).answer()).isNotEqualTo(baseline.samples().get(0).answer());
    assertThat(result.result("b-key", "constrained").orElseThrow().samples().get(0).answer())
        .startsWith("{");
    assertThat(Files.readString(dir.resolve("run").resolve("calibration.json")))
        .contains("\"items\":4").contains("\"minKappa\":0.6");
    assertThat(result.info().notes().get("judge")).startsWith("stories260K: kappa ");
    boolean gates = result.info().notes().get("judge").contains("the judge gates");
    assertThat(baseline.samples().get(0).checks()).filteredOn(c -> c.name().startsWith("judge."))
        .isNotEmpty().allMatch(c -> c.gating() == (gates && !c.detail().startsWith("the judge's"
            + " answer is not")));
  }

  @Test
  void a_registered_job_that_has_not_succeeded_stops_the_run_before_any_call() {
    Path registry = dir.resolve("jobs");
    register(registry, "ft-0002", new JobState.Running(0.5, "epoch 1"));
    String yaml = RunFixtures.config(dir, """
        registered:
          finetuned: {job: ft-0002, registry: %s, from: base}
        setups:
          - {id: finetuned, model: finetuned}
        """.formatted(registry));

    assertThatThrownBy(() -> EvalRunner.run(EvalConfigReader.parse(yaml, "eval.yaml", dir),
        dir.resolve("run"), ProgressFactory.silent()))
        .isInstanceOf(RagftException.class)
        .hasMessage("model \"finetuned\" is fine-tuning job ft-0002, which has not succeeded"
            + " (it is running 50% (epoch 1)); wait for it or evaluate another model");
    assertThat(dir.resolve("run").resolve(RunJournal.FILE)).doesNotExist();
  }
}
