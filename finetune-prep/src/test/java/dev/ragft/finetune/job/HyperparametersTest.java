package dev.ragft.finetune.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

  private static final String MANIFEST = "1".repeat(64);

  @Test
  void values_out_of_range_name_the_option() {
    assertThatThrownBy(() -> new Hyperparameters(0, null, null, null, null, null, null, null))
        .hasMessage("epochs (--epochs) must be >= 1, but is: 0");
    assertThatThrownBy(() -> new Hyperparameters(null, -0.5, null, null, null, null, null, null))
        .hasMessage("learning-rate multiplier (--lr-multiplier) must be > 0, but is: -0.5");
    assertThatThrownBy(() -> new Hyperparameters(null, null, Double.NaN, null, null, null, null,
        null)).hasMessage("learning rate (--learning-rate) must be > 0, but is: NaN");
    assertThatThrownBy(() -> new Hyperparameters(null, null, null, null, null, null, -1L, null))
        .hasMessage("seed (--seed) must be >= 0, but is: -1");
  }

  @Test
  void given_lists_the_set_values_in_a_fixed_order() {
    Hyperparameters settings = new Hyperparameters(3, null, 1e-4, null, 8, 16, 0L, null);

    assertThat(settings.given().keySet()).containsExactly(Hyperparameter.EPOCHS,
        Hyperparameter.LEARNING_RATE, Hyperparameter.LORA_RANK, Hyperparameter.LORA_ALPHA,
        Hyperparameter.SEED);
    assertThat(Hyperparameters.defaults().given()).isEmpty();
  }

  @Test
  void a_dpo_beta_needs_dpo_and_a_manifest_hash_is_64_hex_digits() {
    Hyperparameters beta = new Hyperparameters(null, null, null, null, null, null, null, 0.1);

    assertThatThrownBy(() -> new JobSpec("m", TrainingMethod.SFT, Path.of("t"), null, beta, null,
        MANIFEST)).hasMessage("DPO beta (--dpo-beta) applies only to dpo training, but the"
            + " method is sft");
    assertThatThrownBy(() -> new JobSpec("m", TrainingMethod.SFT, Path.of("t"), null,
        Hyperparameters.defaults(), null, "ABC")).hasMessage(
            "the dataset manifest hash must be 64 lower-case hex digits, but is: ABC");
  }

  @Test
  void capabilities_name_everything_a_provider_cannot_do_in_one_sentence() {
    Capabilities capabilities = new Capabilities(Set.of(TrainingMethod.SFT),
        Set.of(Hyperparameter.EPOCHS), false, false, false);
    JobSpec spec = new JobSpec("m", TrainingMethod.DPO, Path.of("t"), Path.of("v"),
        new Hyperparameters(2, null, null, 4, null, null, 9L, null), null, MANIFEST);

    assertThatThrownBy(() -> capabilities.check("p", spec))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("provider 'p' cannot run this job as asked: it does not offer dpo training;"
            + " it does not accept the batch size (--batch-size) or the seed (--seed); it takes"
            + " no validation file (it accepts: epochs (--epochs)).");
  }

  @Test
  void training_methods_parse_case_insensitively() {
    assertThat(List.of(TrainingMethod.parse("--method", "SFT"),
        TrainingMethod.parse("--method", "dpo"))).containsExactly(TrainingMethod.SFT,
        TrainingMethod.DPO);
    assertThatThrownBy(() -> TrainingMethod.parse("--method", "rlhf"))
        .hasMessage("--method must be sft or dpo, but is: rlhf");
  }
}
