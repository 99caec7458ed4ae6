package dev.ragft.finetune.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalTrainingConfigTest {

  private final Path model = Path.of("model.gguf");
  private final Path out = Path.of("out");

  @Test
  void defaults_are_applied_in_the_builder() {
    LocalTrainingConfig config = LocalTrainingConfig.builder(model, out).build();
    assertThat(config.lora()).isEqualTo(LoraConfig.defaults());
    assertThat(config.lora().targets()).containsExactlyInAnyOrder(LoraTarget.Q, LoraTarget.K,
        LoraTarget.V, LoraTarget.O);
    assertThat(config.steps()).isEqualTo(100);
    assertThat(config.learningRate()).isEqualTo(2e-4);
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.resume()).isTrue();
    assertThat(config.threads()).isZero();
  }

  @Test
  void the_learning_rate_warms_up_linearly_then_stays() {
    LocalTrainingConfig config = LocalTrainingConfig.builder(model, out).learningRate(1e-3)
        .warmupSteps(4).build();
    assertThat(config.learningRateAt(1)).isEqualTo(2.5e-4);
    assertThat(config.learningRateAt(4)).isEqualTo(1e-3);
    assertThat(config.learningRateAt(50)).isEqualTo(1e-3);
  }

  @Test
  void bad_settings_are_named_with_their_value() {
    assertThatThrownBy(() -> LocalTrainingConfig.builder(model, out).steps(0).build())
        .hasMessage("steps must be > 0, but is: 0");
    assertThatThrownBy(() -> LocalTrainingConfig.builder(model, out).learningRate(-1).build())
        .hasMessage("learningRate must be > 0, but is: -1.0");
    assertThatThrownBy(() -> new LoraConfig(0, 16, 0, Set.of(LoraTarget.Q)))
        .hasMessage("LoRA rank must be >= 1, but is: 0");
    assertThatThrownBy(() -> new LoraConfig(8, 16, 1.0, Set.of(LoraTarget.Q)))
        .hasMessage("LoRA dropout must be in [0, 1), but is: 1.0");
    assertThatThrownBy(() -> new LoraConfig(8, 16, 0, EnumSet.noneOf(LoraTarget.class)))
        .hasMessage("LoRA targets must name at least one projection");
  }

  @Test
  void lora_targets_name_their_gguf_and_peft_tensors() {
    assertThat(LoraTarget.O.ggufWeight(3)).isEqualTo("blk.3.attn_output.weight");
    assertThat(LoraTarget.DOWN.peftModule(2)).isEqualTo("model.layers.2.mlp.down_proj");
    assertThat(LoraTarget.K.peftName()).isEqualTo("k_proj");
    assertThat(LoraTarget.OUTPUT.ggufWeight(-1)).isEqualTo("output.weight");
    assertThat(LoraTarget.OUTPUT.peftName()).isEqualTo("lm_head");
    assertThat(LoraTarget.ofGgufWeight("blk.12.ffn_gate.weight")).isEqualTo(LoraTarget.GATE);
    assertThat(LoraTarget.ofGgufWeight("output.weight")).isEqualTo(LoraTarget.OUTPUT);
    assertThat(LoraTarget.ofGgufWeight("blk.x.attn_q.weight")).isNull();
    assertThat(LoraTarget.ofGgufWeight("token_embd.weight")).isNull();
  }
}
