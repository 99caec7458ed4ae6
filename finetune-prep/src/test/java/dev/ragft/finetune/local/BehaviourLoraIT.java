package dev.ragft.finetune.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import de.kherud.llama.LlamaModel;
import dev.ragft.common.Json;
import dev.ragft.finetune.local.internal.AdapterFiles;
import dev.ragft.finetune.local.internal.LoraWeights;
import dev.ragft.finetune.local.internal.ModelSpec;
import dev.ragft.finetune.local.internal.Safetensors;
import dev.ragft.finetune.local.internal.TorchRuntime;
import dev.ragft.finetune.local.internal.Transformer;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufLoraAdapter;
import dev.ragft.model.gguf.GgufTensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a LoRA on stories260K to answer {@code {"ok": true}} after the marker "JSON:", then checks
 * the loss, llama.cpp's greedy output with the adapter, and that saving and loading the adapter
 * (GGUF and PEFT) changes nothing.
 */
class BehaviourLoraIT {

  @TempDir
  static Path dir;

  private static Path model;
  private static TrainingResult result;
  private static LocalTrainingConfig config;
  private static final List<StepReport> reports = new ArrayList<>();

  @BeforeAll
  static void train() {
    model = Stories.model();
    config = LocalTrainingConfig.builder(model, dir.resolve("run")).steps(40).batchSize(8)
        .learningRate(1e-2).lora(new LoraConfig(8, 16, 0.0, EnumSet.of(LoraTarget.Q,
            LoraTarget.K, LoraTarget.V, LoraTarget.O, LoraTarget.OUTPUT)))
        .checkpointEvery(0).threads(1).build();
    result = new LocalTrainer(config).train(Stories.jsonTask(), reports::add);
  }

  @Test
  void training_lowers_the_loss_on_the_assistant_tokens() {
    List<Double> losses = result.lossHistory();
    assertThat(losses).hasSize(40);
    assertThat(losses.getFirst()).isGreaterThan(5.0);
    assertThat(losses.getLast()).isLessThan(0.01);
    assertThat(result.examples()).isEqualTo(32);
    assertThat(reports).extracting(StepReport::step).containsExactlyElementsOf(
        IntStream.rangeClosed(1, 40).boxed().toList());
    assertThat(reports.getLast().tokensPerSecond()).isPositive();
    assertThat(reports.getLast().loss()).isEqualTo(losses.getLast());
  }

  @Test
  void llama_cpp_with_the_adapter_answers_in_the_trained_json_where_the_base_model_does_not() {
    PlainPromptFormat format = new PlainPromptFormat("</s>");
    try (LlamaModel base = Stories.llama(model, null);
        LlamaModel tuned = Stories.llama(model, result.ggufAdapter())) {
      for (String sentence : Stories.heldOut()) {
        String prompt = format.prompt(List.of(new ChatMessage("user", sentence)));
        assertThat(Stories.greedy(base, prompt, 16)).doesNotContain(Stories.ANSWER);
        assertThat(Stories.greedy(tuned, prompt, 16)).isEqualTo(" " + Stories.ANSWER);
      }
    }
  }

  @Test
  void the_djl_forward_pass_with_the_adapter_decodes_as_llama_cpp_does() {
    PlainPromptFormat format = new PlainPromptFormat("</s>");
    TorchRuntime.threads(1);
    try (LlamaModel tuned = Stories.llama(model, result.ggufAdapter());
        GgufFile gguf = GgufFile.open(model);
        NDManager manager = NDManager.newBaseManager()) {
      ModelSpec spec = ModelSpec.of(gguf);
      AdapterFiles.Loaded adapter = AdapterFiles.readGguf(result.ggufAdapter(), gguf, spec);
      try (Transformer transformer = Transformer.load(gguf, spec, manager);
          LoraWeights lora = LoraWeights.of(spec, adapter.config(), manager, adapter.values())) {
        for (String sentence : Stories.heldOut()) {
          String prompt = format.prompt(List.of(new ChatMessage("user", sentence)));
          int[] tokens = Decoding.greedy(transformer, lora,
              ForwardParityTest.withBos(tuned.encode(prompt)), 16, manager);
          assertThat(tuned.decode(tokens)).isEqualTo(Stories.greedy(tuned, prompt, 16));
        }
      }
    }
  }

  @Test
  void the_gguf_adapter_has_llama_cpp_layout_and_reads_back_bit_identical() throws IOException {
    try (GgufFile adapter = GgufFile.open(result.ggufAdapter());
        GgufFile base = GgufFile.open(model)) {
      assertThat(adapter.string("general.type")).isEqualTo("adapter");
      assertThat(adapter.string("adapter.type")).isEqualTo("lora");
      assertThat(adapter.optReal("adapter.lora.alpha")).contains(16.0);
      assertThat(adapter.architecture()).isEqualTo("llama");
      GgufLoraAdapter lora = GgufLoraAdapter.read(adapter);
      lora.checkBase(base);
      assertThat(lora.targets()).hasSize(5 * 4 + 1);
      GgufTensorInfo a = adapter.requireTensor("blk.0.attn_k.weight.lora_a");
      GgufTensorInfo b = adapter.requireTensor("blk.0.attn_k.weight.lora_b");
      assertThat(a.dimensions()).containsExactly(64, 8);
      assertThat(b.dimensions()).containsExactly(8, 32);
      assertThat(adapter.requireTensor("output.weight.lora_b").dimensions()).containsExactly(8, 512);
      ModelSpec spec = ModelSpec.of(base);
      AdapterFiles.Loaded loaded = AdapterFiles.readGguf(result.ggufAdapter(), base, spec);
      assertThat(loaded.config().rank()).isEqualTo(8);
      assertThat(loaded.config().targets()).isEqualTo(config.lora().targets());
      TorchRuntime.engine();
      try (NDManager manager = NDManager.newBaseManager();
          LoraWeights weights = LoraWeights.of(spec, loaded.config(), manager, loaded.values())) {
        Path again = dir.resolve("again.gguf");
        AdapterFiles.writeGguf(again, spec, weights);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(result.ggufAdapter()));
        for (LoraWeights.Slot slot : weights.slots()) {
          assertThat(weights.a(slot)).containsExactly(loaded.values().a(slot));
          assertThat(weights.b(slot)).containsExactly(loaded.values().b(slot));
        }
      }
    }
  }

  @Test
  void llama_cpp_output_is_identical_with_the_adapter_read_and_written_again() {
    Path rewritten = dir.resolve("rewritten.gguf");
    TorchRuntime.engine();
    try (GgufFile base = GgufFile.open(model); NDManager manager = NDManager.newBaseManager()) {
      ModelSpec spec = ModelSpec.of(base);
      AdapterFiles.Loaded loaded = AdapterFiles.readGguf(result.ggufAdapter(), base, spec);
      try (LoraWeights weights = LoraWeights.of(spec, loaded.config(), manager, loaded.values())) {
        AdapterFiles.writeGguf(rewritten, spec, weights);
      }
    }
    List<String> prompts = new ArrayList<>(Stories.heldOut().stream()
        .map(s -> new PlainPromptFormat("</s>").prompt(List.of(new ChatMessage("user", s))))
        .toList());
    prompts.add("Once upon a time");
    List<String> first = new ArrayList<>();
    try (LlamaModel tuned = Stories.llama(model, result.ggufAdapter())) {
      prompts.forEach(p -> first.add(Stories.greedy(tuned, p, 16)));
    }
    try (LlamaModel tuned = Stories.llama(model, rewritten)) {
      assertThat(prompts.stream().map(p -> Stories.greedy(tuned, p, 16)).toList())
          .isEqualTo(first);
    }
    assertThat(first.getLast()).isNotEqualTo(" " + Stories.ANSWER);
  }

  @Test
  void the_peft_copy_round_trips_and_undoes_the_llama_q_k_permutation() throws IOException {
    Path peft = result.peftDirectory();
    JsonNode json = Json.mapper().readTree(peft.resolve(AdapterFiles.PEFT_CONFIG).toFile());
    assertThat(json.get("peft_type").asText()).isEqualTo("LORA");
    assertThat(json.get("r").asInt()).isEqualTo(8);
    assertThat(json.get("lora_alpha").asDouble()).isEqualTo(16.0);
    assertThat(json.get("target_modules").toString())
        .isEqualTo("[\"q_proj\",\"k_proj\",\"v_proj\",\"o_proj\",\"lm_head\"]");
    try (GgufFile base = GgufFile.open(model)) {
      ModelSpec spec = ModelSpec.of(base);
      AdapterFiles.Loaded gguf = AdapterFiles.readGguf(result.ggufAdapter(), base, spec);
      LoraWeights.Values read = AdapterFiles.readPeft(peft, spec, config.lora());
      Map<String, Safetensors.Tensor> tensors = Safetensors.read(
          peft.resolve(AdapterFiles.PEFT_WEIGHTS));
      assertThat(tensors).containsKey(
          "base_model.model.model.layers.4.self_attn.q_proj.lora_A.weight");
      assertThat(tensors.get("base_model.model.model.layers.0.self_attn.k_proj.lora_B.weight")
          .shape()).containsExactly(32, 8);
      for (LoraWeights.Slot slot : LoraWeights.slots(spec, config.lora())) {
        assertThat(read.a(slot)).containsExactly(gguf.values().a(slot));
        assertThat(read.b(slot)).containsExactly(gguf.values().b(slot));
      }
      LoraWeights.Slot q = new LoraWeights.Slot(0, LoraTarget.Q);
      float[] ggufB = gguf.values().b(q);
      float[] hfB = tensors.get(AdapterFiles.peftName(q, false)).values();
      // head 0, rotary pair 1: GGUF rows 2 and 3 are Hugging Face rows 1 and 1 + headDim/2.
      assertThat(slice(hfB, 1, 8)).containsExactly(slice(ggufB, 2, 8));
      assertThat(slice(hfB, 1 + 4, 8)).containsExactly(slice(ggufB, 3, 8));
    }
  }

  private static float[] slice(float[] matrix, int row, int width) {
    return Arrays.copyOfRange(matrix, row * width, (row + 1) * width);
  }
}
