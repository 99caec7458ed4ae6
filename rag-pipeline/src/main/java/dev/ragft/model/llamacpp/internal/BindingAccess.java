package dev.ragft.model.llamacpp.internal;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Two reflective reaches into the {@code de.kherud:llama} 4.2.0 binding, for gaps in its public
 * API that would otherwise lose a feature or crash the JVM. Both fields are checked by the tests of
 * this package, so a binding upgrade that moves them fails the build rather than a user's run.
 *
 * <ul>
 *   <li>A request's LoRA scales. {@code ModelParameters.addLoraScaledAdapter} passes the file and
 *       the scale to llama.cpp as one argument where llama.cpp expects two; llama.cpp then rejects
 *       the whole argument list, and the binding returns a model whose native handle is null.
 *       So adapters are loaded with {@code addLoraAdapter} (scale 1) and each request carries
 *       the scales in llama.cpp's {@code "lora"} request field, for which the binding has no
 *       setter.</li>
 *   <li>Whether a model really loaded: when llama.cpp rejects its arguments, the binding returns
 *       normally with a null native handle, and the first call on it crashes the JVM.</li>
 * </ul>
 */
public final class BindingAccess {

  private static final Field REQUEST_FIELDS = field(InferenceParameters.class.getSuperclass(),
      "parameters");
  private static final Field MODEL_HANDLE = field(LlamaModel.class, "ctx");

  private BindingAccess() {
  }

  private static Field field(Class<?> owner, String name) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("the llama.cpp binding has no field " + owner.getName()
          + "." + name + "; ragft needs de.kherud:llama 4.2.0", e);
    }
  }

  /** Sets a request field to raw JSON, for fields the binding has no setter for. */
  @SuppressWarnings("unchecked")
  public static void setRequestField(InferenceParameters parameters, String name, String json) {
    try {
      ((Map<String, String>) REQUEST_FIELDS.get(parameters)).put(name, json);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set the llama.cpp request field " + name, e);
    }
  }

  /** Whether the binding holds a native model (false when llama.cpp rejected the arguments). */
  public static boolean isLoaded(LlamaModel model) {
    try {
      return MODEL_HANDLE.getLong(model) != 0;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read the llama.cpp model handle", e);
    }
  }
}
