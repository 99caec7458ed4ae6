package dev.ragft.finetune.local.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import dev.ragft.finetune.local.LoraTarget;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufTensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;

/**
 * The frozen base weights of a Llama-family model in PyTorch, and its forward pass: token
 * embedding, then per block RMSNorm → attention (Q/K/V projections with optional bias, rotary
 * embeddings, grouped-query causal attention, output projection) → residual, RMSNorm → SwiGLU MLP
 * → residual, then the final RMSNorm and the output head (or the tied embedding). Every adapted
 * projection adds its LoRA update. Weights are held transposed ({@code in×out}), as F32 copies
 * read tensor by tensor from the memory-mapped file.
 *
 * <p>Every array a forward pass creates belongs to the manager of its input tokens, so closing
 * that manager frees the step. Scalars are made as arrays of that manager too, never passed as
 * numbers: DJL turns a number operand into a tensor over a Java buffer that it releases right after
 * the op, while autograd keeps that tensor for the backward pass, which would then read freed memory.
 */
public final class Transformer implements AutoCloseable {

  private final ModelSpec spec;
  private final NDManager manager;
  private final NDArray tokenEmbedding;
  private final NDArray outputT;
  private final NDArray outputNorm;
  private final Block[] blocks;

  private record Block(NDArray attnNorm, NDArray ffnNorm, Map<LoraTarget, NDArray> weightsT,
      NDArray qBias, NDArray kBias, NDArray vBias) {
  }

  private Transformer(ModelSpec spec, NDManager manager, NDArray tokenEmbedding, NDArray outputT,
      NDArray outputNorm, Block[] blocks) {
    this.spec = spec;
    this.manager = manager;
    this.tokenEmbedding = tokenEmbedding;
    this.outputT = outputT;
    this.outputNorm = outputNorm;
    this.blocks = blocks;
  }

  /** Loads the base weights of a model whose shape {@code spec} was read from the same file. */
  public static Transformer load(GgufFile gguf, ModelSpec spec, NDManager parent) {
    NDManager manager = parent.newSubManager();
    try {
      NDArray embedding = tensor(gguf, manager, "token_embd.weight");
      NDArray outputT = spec.tiedOutput() ? embedding.transpose()
          : tensor(gguf, manager, "output.weight").transpose();
      Block[] blocks = new Block[spec.layers()];
      for (int layer = 0; layer < spec.layers(); layer++) {
        Map<LoraTarget, NDArray> weights = new EnumMap<>(LoraTarget.class);
        for (LoraTarget target : LoraTarget.values()) {
          if (!target.perBlock()) {
            continue;
          }
          NDArray weight = tensor(gguf, manager, target.ggufWeight(layer));
          long[] expected = {LoraShapes.outputs(target, spec), LoraShapes.inputs(target, spec)};
          if (!weight.getShape().equals(new Shape(expected))) {
            throw gguf.problem("has tensor \"" + target.ggufWeight(layer) + "\" of shape "
                + weight.getShape() + ", but the model's metadata implies " + new Shape(expected));
          }
          weights.put(target, weight.transpose());
        }
        String prefix = "blk." + layer + ".";
        blocks[layer] = new Block(tensor(gguf, manager, prefix + "attn_norm.weight"),
            tensor(gguf, manager, prefix + "ffn_norm.weight"), weights,
            spec.qkvBias() ? tensor(gguf, manager, prefix + "attn_q.bias") : null,
            spec.qkvBias() ? tensor(gguf, manager, prefix + "attn_k.bias") : null,
            spec.qkvBias() ? tensor(gguf, manager, prefix + "attn_v.bias") : null);
      }
      return new Transformer(spec, manager, embedding, outputT,
          tensor(gguf, manager, "output_norm.weight"), blocks);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private static NDArray tensor(GgufFile gguf, NDManager manager, String name) {
    GgufTensorInfo info = gguf.requireTensor(name);
    Shape shape = new Shape(info.shape());
    // Always a buffer of our own: a tensor made straight from the file's mapping would depend on
    // the mapping outliving every view of it, which the JVM does not promise.
    ByteBuffer floats = ByteBuffer.allocateDirect(Math.toIntExact(info.elementCount() * 4))
        .order(ByteOrder.nativeOrder());
    gguf.readFloats(info, floats.asFloatBuffer());
    return manager.create(floats, shape, DataType.FLOAT32);
  }

  /** The model's shape. */
  public ModelSpec spec() {
    return spec;
  }

  /**
   * The logits {@code [batch, time, vocab]} for token ids {@code [batch, time]} (INT64), right-padded
   * sequences being fine because attention is causal.
   *
   * @param tokens the token ids; its manager receives every array of the pass
   * @param lora the adapter to add, or null for the base model
   * @param dropout the LoRA dropout rate, 0 for none (evaluation)
   */
  public NDArray logits(NDArray tokens, LoraWeights lora, float dropout) {
    NDArray hidden = hidden(tokens, lora, dropout);
    NDArray logits = hidden.matMul(outputT);
    LoraWeights.Pair head = lora == null ? null : lora.pair(-1, LoraTarget.OUTPUT);
    if (head != null) {
      NDArray in = dropout > 0 ? Dropout.dropout(hidden, dropout, true).singletonOrThrow() : hidden;
      NDArray scale = tokens.getManager().create((float) lora.config().scale());
      logits = logits.add(in.matMul(head.aT()).matMul(head.bT()).mul(scale));
    }
    return logits;
  }

  /** The final normalised hidden states {@code [batch, time, dim]}, the input of the output head. */
  public NDArray hidden(NDArray tokens, LoraWeights lora, float dropout) {
    NDManager step = tokens.getManager();
    long batch = tokens.getShape().get(0);
    int time = (int) tokens.getShape().get(1);
    NDArray x = tokenEmbedding.get(new NDIndex("{}", tokens));
    x.attach(step);
    Rotary rotary = Rotary.of(step, time, spec);
    NDArray mask = causalMask(step, time);
    NDArray scale = step.create(lora == null ? 0f : (float) lora.config().scale());
    NDArray eps = step.create(spec.rmsEps());
    NDArray attentionScale = step.create((float) (1 / Math.sqrt(spec.headDim())));
    for (int layer = 0; layer < blocks.length; layer++) {
      Block block = blocks[layer];
      NDArray h = rmsNorm(x, block.attnNorm, eps);
      NDArray q = project(h, block, layer, LoraTarget.Q, lora, scale, dropout, block.qBias);
      NDArray k = project(h, block, layer, LoraTarget.K, lora, scale, dropout, block.kBias);
      NDArray v = project(h, block, layer, LoraTarget.V, lora, scale, dropout, block.vBias);
      q = rotary.apply(q.reshape(batch, time, spec.heads(), spec.headDim())).transpose(0, 2, 1, 3);
      k = rotary.apply(k.reshape(batch, time, spec.kvHeads(), spec.headDim())).transpose(0, 2, 1, 3);
      v = v.reshape(batch, time, spec.kvHeads(), spec.headDim()).transpose(0, 2, 1, 3);
      int group = spec.heads() / spec.kvHeads();
      if (group > 1) {
        k = k.expandDims(2).repeat(2, group).reshape(batch, spec.heads(), time, spec.headDim());
        v = v.expandDims(2).repeat(2, group).reshape(batch, spec.heads(), time, spec.headDim());
      }
      NDArray attention = q.matMul(k.transpose(0, 1, 3, 2)).mul(attentionScale)
          .add(mask).softmax(-1).matMul(v)
          .transpose(0, 2, 1, 3).reshape(batch, time, (long) spec.heads() * spec.headDim());
      x = x.add(project(attention, block, layer, LoraTarget.O, lora, scale, dropout, null));
      h = rmsNorm(x, block.ffnNorm, eps);
      NDArray gate = project(h, block, layer, LoraTarget.GATE, lora, scale, dropout, null);
      NDArray up = project(h, block, layer, LoraTarget.UP, lora, scale, dropout, null);
      NDArray act = Activation.sigmoid(gate).mul(gate).mul(up);
      x = x.add(project(act, block, layer, LoraTarget.DOWN, lora, scale, dropout, null));
    }
    return rmsNorm(x, outputNorm, eps);
  }

  private NDArray project(NDArray input, Block block, int layer, LoraTarget target,
      LoraWeights lora, NDArray scale, float dropout, NDArray bias) {
    NDArray out = input.matMul(block.weightsT.get(target));
    if (bias != null) {
      out = out.add(bias);
    }
    LoraWeights.Pair pair = lora == null ? null : lora.pair(layer, target);
    if (pair != null) {
      NDArray in = dropout > 0 ? Dropout.dropout(input, dropout, true).singletonOrThrow() : input;
      out = out.add(in.matMul(pair.aT()).matMul(pair.bT()).mul(scale));
    }
    return out;
  }

  private static NDArray rmsNorm(NDArray x, NDArray weight, NDArray eps) {
    NDArray rms = x.square().mean(new int[] {-1}, true).add(eps).sqrt();
    return x.div(rms).mul(weight);
  }

  private static NDArray causalMask(NDManager step, int time) {
    float[] mask = new float[time * time];
    for (int i = 0; i < time; i++) {
      for (int j = i + 1; j < time; j++) {
        mask[i * time + j] = Float.NEGATIVE_INFINITY;
      }
    }
    return step.create(mask, new Shape(time, time));
  }

  @Override
  public void close() {
    manager.close();
  }
}
