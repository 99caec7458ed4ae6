package dev.ragft.model.llamacpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The mapping from llama.cpp's log lines (as the b4916 build prints them) to sentences. The
 * end-to-end cases run in {@code BadModelFilesIT}; these cover the rest without a child JVM.
 */
class LoadDiagnosisTest {

  private static final Path MODEL = Path.of("/models/base.gguf");

  private static String adapterLog(String line) {
    return "llama_context: graph splits = 1\n"
        + "llama_adapter_lora_init_impl: loading lora adapter from '/loras/other.gguf' ...\n"
        + line + "\n"
        + "common_init_from_params: failed to apply lora adapter '/loras/other.gguf'\n";
  }

  @Test
  void an_adapter_of_another_kind_is_named() {
    RagftException problem = LoadDiagnosis.explain(MODEL,
        adapterLog("llama_adapter_lora_init: failed to apply lora adapter: expect adapter.type"
            + " to be 'lora', but got: control_vector"));

    assertThat(problem).isInstanceOf(InputException.class).hasMessage("/loras/other.gguf: is not"
        + " a LoRA adapter: its adapter.type is 'control_vector', not 'lora'");
  }

  @Test
  void an_adapter_from_the_old_finetune_example_is_named() {
    RagftException problem = LoadDiagnosis.explain(MODEL,
        adapterLog("llama_adapter_lora_init: failed to apply lora adapter: lora_a tensor is not"
            + " transposed (hint: adapter from \"finetune\" example is no longer supported)"));

    assertThat(problem).hasMessage("/loras/other.gguf: is a LoRA adapter from llama.cpp's old"
        + " finetune example, which is no longer supported");
  }

  @Test
  void an_unknown_failure_quotes_llama_cpps_last_error() {
    RagftException problem = LoadDiagnosis.explain(MODEL,
        "llama_model_load: error loading model: something new\nsrv load_model: done\n");

    assertThat(problem).isInstanceOf(InputException.class).hasMessage("/models/base.gguf:"
        + " llama.cpp could not load it: llama_model_load: error loading model: something new");
  }

  @Test
  void a_model_that_loads_on_its_own_points_at_this_process() {
    RagftException problem = LoadDiagnosis.explain(MODEL, LoadProbe.LOADED + "\n");

    assertThat(problem).isNotInstanceOf(InputException.class).hasMessage("llama.cpp could not"
        + " load /models/base.gguf in this process although it loads on its own; is the machine"
        + " short of memory?");
  }
}
