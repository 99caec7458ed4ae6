package dev.ragft.finetune.local.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embeddings for positions {@code 0..time-1}: pair {@code i} of a head is rotated
 * by {@code pos · base^(-2i/d)}. Which dimensions form pair {@code i} depends on the {@link
 * RopeStyle}.
 */
final class Rotary {

  private final NDArray cos;
  private final NDArray sin;
  private final RopeStyle style;
  private final int half;

  private Rotary(NDArray cos, NDArray sin, RopeStyle style, int half) {
    this.cos = cos;
    this.sin = sin;
    this.style = style;
    this.half = half;
  }

  static Rotary of(NDManager manager, int time, ModelSpec spec) {
    int half = spec.headDim() / 2;
    float[] cos = new float[time * half];
    float[] sin = new float[time * half];
    for (int pos = 0; pos < time; pos++) {
      for (int i = 0; i < half; i++) {
        double theta = pos * Math.pow(spec.ropeBase(), -2.0 * i / spec.headDim());
        cos[pos * half + i] = (float) Math.cos(theta);
        sin[pos * half + i] = (float) Math.sin(theta);
      }
    }
    Shape shape = new Shape(1, time, 1, half);
    return new Rotary(manager.create(cos, shape), manager.create(sin, shape), spec.rope(), half);
  }

  /** Rotates {@code x} of shape {@code [batch, time, heads, headDim]}. */
  NDArray apply(NDArray x) {
    Shape shape = x.getShape();
    if (style == RopeStyle.INTERLEAVED) {
      NDArray pairs = x.reshape(shape.get(0), shape.get(1), shape.get(2), half, 2);
      NDArray x0 = pairs.get(new NDIndex("..., 0"));
      NDArray x1 = pairs.get(new NDIndex("..., 1"));
      NDArray r0 = x0.mul(cos).sub(x1.mul(sin));
      NDArray r1 = x0.mul(sin).add(x1.mul(cos));
      return NDArrays.stack(new NDList(r0, r1), -1).reshape(shape);
    }
    NDArray x0 = x.get(new NDIndex("..., :" + half));
    NDArray x1 = x.get(new NDIndex("..., " + half + ":"));
    return NDArrays.concat(new NDList(
        x0.mul(cos).sub(x1.mul(sin)), x0.mul(sin).add(x1.mul(cos))), -1);
  }
}
