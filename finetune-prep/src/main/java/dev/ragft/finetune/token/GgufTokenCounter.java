package dev.ragft.finetune.token;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.ragft.common.InputException;
import dev.ragft.model.llamacpp.internal.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GGUF model's own tokenizer, run through llama.cpp ({@code de.kherud:llama}). Loading maps the
 * whole model, so open one per run and close it. Calls are serialised: the native model is not
 * documented as safe for concurrent use.
 */
public final class GgufTokenCounter implements TokenCounter {

  private final LlamaModel model;
  private final String name;
  private final boolean addsBos;

  private GgufTokenCounter(LlamaModel model, String name) {
    this.model = model;
    this.name = name;
    // llama.cpp may prepend the beginning-of-sequence token; an empty text shows whether it does.
    this.addsBos = model.encode("").length > 0;
  }

  /** Loads the model's vocabulary from a GGUF file; a missing or broken file is an {@link InputException}. */
  public static GgufTokenCounter open(Path gguf) {
    if (!Files.isRegularFile(gguf)) {
      throw new InputException(gguf.toString(), 0, null, "does not exist or is not a file");
    }
    NativeLibrary.prepare();
    try {
      LlamaModel model = new LlamaModel(new ModelParameters().setModel(gguf.toString())
          .setCtxSize(64).setGpuLayers(0).setThreads(1).skipWarmup().disableLog());
      return new GgufTokenCounter(model, "gguf:" + gguf.getFileName());
    } catch (RuntimeException e) {
      throw new InputException(gguf.toString(), 0, null,
          "cannot be loaded by llama.cpp: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized int count(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    int tokens = model.encode(text).length;
    return addsBos ? tokens - 1 : tokens;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void close() {
    model.close();
  }
}
