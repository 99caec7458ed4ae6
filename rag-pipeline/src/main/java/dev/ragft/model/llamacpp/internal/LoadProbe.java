package dev.ragft.model.llamacpp.internal;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;

/**
 * The child process of {@link LoadDiagnosis}: loads a model (and adapters) with llama.cpp's log
 * on standard error, then exits 0 when it loaded and 1 when it did not. Arguments: the context
 * size, the model path, then the adapter path if there is one.
 */
public final class LoadProbe {

  /** The line printed when the model loaded. */
  public static final String LOADED = "ragft-probe: loaded";

  private LoadProbe() {
  }

  /** Loads the model named by the arguments and exits with 0 (loaded) or 1 (failed). */
  public static void main(String[] args) {
    NativeLibrary.prepare();
    ModelParameters parameters = new ModelParameters()
        .setCtxSize(Integer.parseInt(args[0]))
        .setModel(args[1])
        .setThreads(1)
        .setParallel(1);
    if (args.length > 2) {
      parameters.addLoraAdapter(args[2]);
    }
    int code = 1;
    try (LlamaModel model = new LlamaModel(parameters)) {
      System.out.println(LOADED);
      code = 0;
    } catch (RuntimeException e) {
      System.out.println("ragft-probe: failed: " + e.getMessage());
    }
    System.out.flush();
    // The binding leaves a native thread attached to the JVM, which would keep it alive.
    System.exit(code);
  }
}
