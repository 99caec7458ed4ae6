package dev.ragft.finetune.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.finetune.local.internal.AdapterFiles;
import dev.ragft.finetune.local.internal.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted after a checkpoint and resumed reaches the same adapter, optimizer state and
 * loss history, bit for bit, as a run that was never interrupted; with dropout and gradient
 * accumulation on, over several epochs.
 */
class ResumeIT {

  @TempDir
  Path dir;

  private LocalTrainingConfig config(Path out, double learningRate) {
    return LocalTrainingConfig.builder(Stories.model(), out).steps(12).batchSize(4)
        .gradientAccumulation(2).learningRate(learningRate).warmupSteps(3)
        .lora(new LoraConfig(4, 8, 0.1, EnumSet.of(LoraTarget.Q, LoraTarget.V, LoraTarget.UP)))
        .checkpointEvery(4).seed(7).threads(1).build();
  }

  @Test
  void an_interrupted_run_resumes_from_its_last_checkpoint_to_the_same_result()
      throws IOException {
    List<Conversation> data = Stories.jsonTask();
    TrainingResult straight = new LocalTrainer(config(dir.resolve("a"), 5e-3))
        .train(data, TrainingListener.none());

    Path out = dir.resolve("b");
    List<Integer> checkpoints = new ArrayList<>();
    TrainingListener interrupting = new TrainingListener() {
      @Override
      public void onStep(StepReport report) {
        if (report.step() == 7) {
          throw new IllegalStateException("power cut at step 7");
        }
      }

      @Override
      public void onCheckpoint(int step, Path directory) {
        checkpoints.add(step);
      }
    };
    assertThatThrownBy(() -> new LocalTrainer(config(out, 5e-3)).train(data, interrupting))
        .hasMessage("power cut at step 7");
    assertThat(checkpoints).containsExactly(4);
    assertThat(Checkpoints.latest(out)).contains(Checkpoints.root(out).resolve("step-000004"));
    assertThat(out.resolve(LocalTrainer.GGUF_ADAPTER)).doesNotExist();

    TrainingResult resumed = new LocalTrainer(config(out, 5e-3)).train(data,
        TrainingListener.none());
    assertThat(resumed.resumedFromStep()).isEqualTo(4);
    assertThat(resumed.lossHistory()).isEqualTo(straight.lossHistory());
    assertThat(resumed.lossHistory().getLast()).isLessThan(resumed.lossHistory().getFirst());
    assertThat(Files.readAllBytes(resumed.ggufAdapter()))
        .isEqualTo(Files.readAllBytes(straight.ggufAdapter()));
    assertThat(Files.readAllBytes(resumed.peftDirectory().resolve(AdapterFiles.PEFT_WEIGHTS)))
        .isEqualTo(Files.readAllBytes(straight.peftDirectory().resolve(AdapterFiles.PEFT_WEIGHTS)));
    for (String file : List.of("lora.safetensors", "optimizer.safetensors", "state.json")) {
      assertThat(Files.readAllBytes(Checkpoints.root(out).resolve("step-000012").resolve(file)))
          .as(file).isEqualTo(Files.readAllBytes(
              Checkpoints.root(dir.resolve("a")).resolve("step-000012").resolve(file)));
    }
    assertThat(Files.list(Checkpoints.root(out)).map(p -> p.getFileName().toString()).sorted())
        .containsExactly("step-000008", "step-000012");

    assertThatThrownBy(() -> new LocalTrainer(config(out, 1e-3)).train(data,
        TrainingListener.none()))
        .isInstanceOf(InputException.class)
        .hasMessage(Checkpoints.root(out).resolve("step-000012") + ": was written with other"
            + " training settings or another base model; resume with the same settings or use a"
            + " new output folder");
  }
}
