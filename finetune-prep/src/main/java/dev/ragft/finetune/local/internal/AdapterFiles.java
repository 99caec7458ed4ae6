package dev.ragft.finetune.local.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.finetune.local.LoraConfig;
import dev.ragft.finetune.local.LoraTarget;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufLoraAdapter;
import dev.ragft.model.gguf.GgufValue;
import dev.ragft.model.gguf.GgufWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes and reads a trained adapter in its two published forms: llama.cpp's GGUF LoRA layout (see
 * {@link GgufLoraAdapter}) and PEFT's {@code adapter_model.safetensors} + {@code
 * adapter_config.json}. Both hold A as {@code r×in} and B as {@code out×r}. For Llama models the
 * PEFT copy undoes llama.cpp's permutation of the Q and K output rows (GGUF pairs rotary dimensions
 * as adjacent rows, Hugging Face as rows {@code d/2} apart), so the safetensors fit the Hugging Face
 * checkpoint; Qwen2 needs no permutation.
 */
public final class AdapterFiles {

  /** The PEFT weights file name. */
  public static final String PEFT_WEIGHTS = "adapter_model.safetensors";

  /** The PEFT configuration file name. */
  public static final String PEFT_CONFIG = "adapter_config.json";

  private AdapterFiles() {
  }

  /** The GGUF name of A for a projection, e.g. {@code blk.0.attn_q.weight.lora_a}. */
  public static String ggufA(LoraWeights.Slot slot) {
    return slot.ggufWeight() + GgufLoraAdapter.A_SUFFIX;
  }

  /** The GGUF name of B for a projection. */
  public static String ggufB(LoraWeights.Slot slot) {
    return slot.ggufWeight() + GgufLoraAdapter.B_SUFFIX;
  }

  /** Writes the adapter as a GGUF LoRA file that llama.cpp loads with {@code --lora}. */
  public static void writeGguf(Path file, ModelSpec spec, LoraWeights weights) {
    int r = weights.config().rank();
    GgufWriter writer = new GgufWriter()
        .put("general.architecture", GgufValue.text(spec.architecture()))
        .put("general.type", GgufValue.text(GgufLoraAdapter.GENERAL_TYPE))
        .put("general.name", GgufValue.text("ragft LoRA adapter"))
        .put("adapter.type", GgufValue.text("lora"))
        .put("adapter.lora.alpha", GgufValue.float32((float) weights.config().alpha()));
    for (LoraWeights.Slot slot : weights.slots()) {
      writer.addF32(ggufA(slot), new long[] {LoraShapes.inputs(slot.target(), spec), r}, weights.a(slot));
      writer.addF32(ggufB(slot), new long[] {r, LoraShapes.outputs(slot.target(), spec)}, weights.b(slot));
    }
    writer.write(file);
  }

  /** A read adapter: its settings and values. */
  public record Loaded(LoraConfig config, LoraWeights.Values values) {
  }

  /**
   * Reads a GGUF LoRA adapter for the model {@code base}; an adapter for another model, or with
   * projections of different ranks, is an input error naming the adapter file.
   */
  public static Loaded readGguf(Path file, GgufFile base, ModelSpec spec) {
    try (GgufFile gguf = GgufFile.open(file)) {
      GgufLoraAdapter adapter = GgufLoraAdapter.read(gguf);
      adapter.checkBase(base);
      Map<String, float[]> tensors = new LinkedHashMap<>();
      EnumSet<LoraTarget> targets = EnumSet.noneOf(LoraTarget.class);
      long rank = adapter.targets().getFirst().rank();
      for (GgufLoraAdapter.Target target : adapter.targets()) {
        if (target.rank() != rank) {
          throw gguf.problem("has LoRA tensors of different ranks (" + rank + " and "
              + target.rank() + "), which ragft cannot load");
        }
        tensors.put(target.a().name(), gguf.readFloats(target.a()));
        tensors.put(target.b().name(), gguf.readFloats(target.b()));
        LoraTarget kind = LoraTarget.ofGgufWeight(target.baseTensor());
        if (kind == null) {
          throw gguf.problem("adapts tensor \"" + target.baseTensor()
              + "\", which is not a projection ragft can train");
        }
        targets.add(kind);
      }
      LoraConfig config = new LoraConfig((int) rank, adapter.alpha(), 0, targets);
      for (LoraWeights.Slot slot : LoraWeights.slots(spec, config)) {
        if (!tensors.containsKey(ggufA(slot))) {
          throw gguf.problem("adapts " + slot.target() + " in some blocks but not in block "
              + slot.layer() + ", which ragft cannot load");
        }
      }
      return new Loaded(config, values(tensors));
    }
  }

  private static LoraWeights.Values values(Map<String, float[]> tensors) {
    return new LoraWeights.Values() {
      @Override
      public float[] a(LoraWeights.Slot slot) {
        return tensors.get(ggufA(slot));
      }

      @Override
      public float[] b(LoraWeights.Slot slot) {
        return tensors.get(ggufB(slot));
      }
    };
  }

  /** The PEFT tensor name of A or B, e.g. {@code base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight}. */
  public static String peftName(LoraWeights.Slot slot, boolean a) {
    return "base_model.model." + slot.target().peftModule(slot.layer())
        + (a ? ".lora_A.weight" : ".lora_B.weight");
  }

  /**
   * Writes {@code adapter_model.safetensors} and {@code adapter_config.json} into {@code dir}.
   *
   * @param baseModel what {@code base_model_name_or_path} should say
   */
  public static void writePeft(Path dir, ModelSpec spec, LoraWeights weights, String baseModel) {
    LoraConfig config = weights.config();
    int r = config.rank();
    Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
    for (LoraWeights.Slot slot : weights.slots()) {
      int in = LoraShapes.inputs(slot.target(), spec);
      int out = LoraShapes.outputs(slot.target(), spec);
      tensors.put(peftName(slot, true),
          new Safetensors.Tensor(new long[] {r, in}, weights.a(slot)));
      float[] b = permuteRows(spec, slot.target(), weights.b(slot), r, true);
      tensors.put(peftName(slot, false), new Safetensors.Tensor(new long[] {out, r}, b));
    }
    Safetensors.write(dir.resolve(PEFT_WEIGHTS), tensors, Map.of("format", "pt"));
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("base_model_name_or_path", baseModel);
    json.put("bias", "none");
    json.put("fan_in_fan_out", false);
    json.put("inference_mode", true);
    json.put("lora_alpha", config.alpha());
    json.put("lora_dropout", config.dropout());
    json.put("peft_type", "LORA");
    json.put("r", r);
    ArrayNode modules = json.putArray("target_modules");
    config.orderedTargets().forEach(t -> modules.add(t.peftName()));
    json.put("task_type", "CAUSAL_LM");
    try {
      Files.writeString(dir.resolve(PEFT_CONFIG),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(PEFT_CONFIG) + ": "
          + e.getMessage(), e);
    }
  }

  /** Reads a PEFT adapter written for a model of this shape and LoRA settings. */
  public static LoraWeights.Values readPeft(Path dir, ModelSpec spec, LoraConfig config) {
    Path file = dir.resolve(PEFT_WEIGHTS);
    Map<String, Safetensors.Tensor> tensors = Safetensors.read(file);
    int r = config.rank();
    return new LoraWeights.Values() {
      @Override
      public float[] a(LoraWeights.Slot slot) {
        return tensor(peftName(slot, true)).values();
      }

      @Override
      public float[] b(LoraWeights.Slot slot) {
        return permuteRows(spec, slot.target(), tensor(peftName(slot, false)).values(), r,
            false);
      }

      private Safetensors.Tensor tensor(String name) {
        Safetensors.Tensor tensor = tensors.get(name);
        if (tensor == null) {
          throw new InputException(file.toString(), 0, name,
              "is missing; is the adapter for another base model?");
        }
        return tensor;
      }
    };
  }

  /**
   * Moves the rows of a Llama Q or K {@code lora_B} between llama.cpp's order (rotary pairs in
   * adjacent rows) and Hugging Face's (pairs {@code headDim/2} rows apart); other projections and
   * Qwen2 models are returned unchanged.
   */
  static float[] permuteRows(ModelSpec spec, LoraTarget target, float[] b, int r,
      boolean toHuggingFace) {
    if (spec.rope() != RopeStyle.INTERLEAVED || (target != LoraTarget.Q && target != LoraTarget.K)) {
      return b;
    }
    int heads = target == LoraTarget.Q ? spec.heads() : spec.kvHeads();
    int d = spec.headDim();
    float[] out = new float[b.length];
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < d / 2; i++) {
        for (int j = 0; j < 2; j++) {
          int gguf = h * d + 2 * i + j;
          int hf = h * d + j * (d / 2) + i;
          int from = toHuggingFace ? gguf : hf;
          int to = toHuggingFace ? hf : gguf;
          System.arraycopy(b, from * r, out, to * r, r);
        }
      }
    }
    return out;
  }
}
