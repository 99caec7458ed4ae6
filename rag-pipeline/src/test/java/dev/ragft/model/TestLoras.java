package dev.ragft.model;

import dev.ragft.model.gguf.GgufLoraAdapter;
import dev.ragft.model.gguf.GgufValue;
import dev.ragft.model.gguf.GgufWriter;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes small constant-valued LoRA adapters in llama.cpp's GGUF layout for tests, with ragft's
 * {@link GgufWriter}: one F32 pair {@code <tensor>.lora_a} (shape [in, rank]) and
 * {@code <tensor>.lora_b} (shape [rank, out}), with {@code general.type = adapter} and
 * {@code adapter.type = lora}. Every value of A is {@code a}; every value of B is {@code b}, so
 * {@code b = 0} gives an adapter that changes nothing. (Trained adapters come from the local
 * trainer; these are for tests that need an adapter of a given shape and strength.)
 */
public final class TestLoras {

  private TestLoras() {
  }

  /** An adapter for stories260K's first attention query projection (64 by 64). */
  public static Path forStories(Path file, float a, float b) {
    return write(file, "llama", "blk.0.attn_q.weight", 64, 64, 4, a, b);
  }

  /** An adapter for stories260K's first attention query projection with an alpha. */
  public static Path forStories(Path file, float a, float b, float alpha) {
    return write(file, "llama", "blk.0.attn_q.weight", 64, 64, 4, a, b, alpha);
  }

  /** Writes an adapter for {@code tensor} of the given architecture and shape. */
  public static Path write(Path file, String architecture, String tensor, int in, int out,
      int rank, float a, float b) {
    return write(file, architecture, tensor, in, out, rank, a, b, Float.NaN);
  }

  /** Writes an adapter with {@code adapter.lora.alpha} set, unless {@code alpha} is NaN. */
  public static Path write(Path file, String architecture, String tensor, int in, int out,
      int rank, float a, float b, float alpha) {
    GgufWriter writer = new GgufWriter()
        .put("general.architecture", new GgufValue.Text(architecture))
        .put("general.type", new GgufValue.Text(GgufLoraAdapter.GENERAL_TYPE))
        .put("adapter.type", new GgufValue.Text("lora"));
    if (!Float.isNaN(alpha)) {
      writer.put("adapter.lora.alpha", GgufValue.float32(alpha));
    }
    writer.addF32(tensor + GgufLoraAdapter.A_SUFFIX, new long[] {in, rank}, filled(in * rank, a))
        .addF32(tensor + GgufLoraAdapter.B_SUFFIX, new long[] {rank, out}, filled(rank * out, b))
        .write(file);
    return file;
  }

  private static float[] filled(int count, float value) {
    float[] values = new float[count];
    Arrays.fill(values, value);
    return values;
  }
}
