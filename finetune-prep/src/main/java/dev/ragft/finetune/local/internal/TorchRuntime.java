package dev.ragft.finetune.local.internal;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;

/**
 * The PyTorch engine of DJL, loaded from the {@code pytorch-native-cpu} and {@code pytorch-jni}
 * jars on the class path. DJL's offline mode is switched on before the engine first loads (unless
 * the caller chose otherwise with {@code -Dai.djl.offline}), so a missing or mismatched native
 * library fails instead of being downloaded.
 */
public final class TorchRuntime {

  private TorchRuntime() {
  }

  /** The PyTorch engine, loading it on first use. */
  public static synchronized Engine engine() {
    if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      // The trainer runs one op at a time; extra inter-op threads only spin.
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    return Engine.getEngine("PyTorch");
  }

  /**
   * Sets the threads PyTorch uses inside one op; 0 means one per available processor. On a busy
   * machine fewer threads are often faster, because PyTorch's OpenMP threads spin while waiting.
   */
  public static void threads(int threads) {
    engine();
    JniUtils.setNumThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
  }

  /**
   * Prepares the calling thread for training: switches PyTorch's grad mode off outside gradient
   * collectors. Grad mode is a per-thread setting that is on in every new thread, and DJL switches
   * it off only on the thread that loads the engine; on any other thread the optimizer's in-place
   * updates of the parameters would fail ("a leaf Variable that requires grad is being used in an
   * in-place operation").
   */
  public static void prepareThread() {
    engine();
    JniUtils.setGradMode(false);
  }

  /** Whether DJL runs in offline mode, where it never downloads. */
  public static boolean offline() {
    return Utils.isOfflineMode();
  }

  /**
   * Seeds PyTorch's generator (used by dropout); the trainer reseeds before every micro-batch from
   * the run's seed and the micro-batch number, so a resumed run draws the same masks.
   */
  public static void seed(long seed) {
    engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
  }
}
