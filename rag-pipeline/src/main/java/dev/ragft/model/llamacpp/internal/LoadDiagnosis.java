package dev.ragft.model.llamacpp.internal;

import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains why llama.cpp refused a model or adapter, in one sentence that names the file.
 *
 * <p>The binding reports every load failure as "could not load model from given file path"; the
 * reason is only in llama.cpp's log, which ragft keeps off so that it does not flood the console.
 * So after a failure the same load is repeated in a child JVM ({@link LoadProbe}) with the log on,
 * and its output is matched against the messages of the bundled llama.cpp build. This costs a
 * second or two, and only when something is already wrong.
 */
public final class LoadDiagnosis {

  /** The llama.cpp build inside the {@code de.kherud:llama} 4.2.0 binding. */
  public static final String LLAMA_CPP_BUILD = "b4916";

  private static final Pattern ADAPTER_START =
      Pattern.compile("loading lora adapter from '([^']*)'");
  private static final List<Problem> MODEL_PROBLEMS = Problem.list(
      "tensor '([^']+)' data is not within the file bounds",
      "is truncated or corrupt: the data of tensor '%s' runs past the end of the file;"
          + " download it again",
      "unknown model architecture: '([^']*)'",
      "has architecture '%s', which the bundled llama.cpp (" + LLAMA_CPP_BUILD
          + ") does not support",
      "tensor '([^']+)' has invalid ggml type (\\d+)",
      "stores tensor '%s' in type %s, a quantization the bundled llama.cpp (" + LLAMA_CPP_BUILD
          + ") does not support",
      "tensor '([^']+)' has offset (\\d+), expected (\\d+)",
      "is corrupt: tensor '%s' is at offset %s where the header expects %s",
      "invalid magic characters",
      "is not a GGUF file",
      "unknown tokenizer: '([^']*)'",
      "uses tokenizer '%s', which the bundled llama.cpp (" + LLAMA_CPP_BUILD
          + ") does not support");
  private static final List<Problem> ADAPTER_PROBLEMS = Problem.list(
      "expect general.type to be 'adapter', but got: ?(\\S*)",
      "is not a LoRA adapter: its general.type is %s, not 'adapter' (is it a full model?)",
      "expect adapter.type to be 'lora', but got: ?(\\S*)",
      "is not a LoRA adapter: its adapter.type is %s, not 'lora'",
      "model arch and LoRA arch mismatch",
      "is a LoRA adapter for a different architecture than the model %2$s",
      "tensor '([^']+)' has incorrect shape",
      "is a LoRA adapter for another base model: its tensor %s does not fit the model %2$s",
      "tensor '([^']+)' does not exist in base model",
      "is a LoRA adapter for another base model: the model %2$s has no tensor %1$s",
      "lora_a tensor is not transposed",
      "is a LoRA adapter from llama.cpp's old finetune example, which is no longer supported");

  private LoadDiagnosis() {
  }

  /**
   * Loads the model and adapters again in a child process and returns the exception to throw:
   * an {@link InputException} naming the bad file, or a {@link RagftException} when the file
   * looks fine and the failure lies elsewhere.
   */
  public static RagftException diagnose(Path model, List<Path> adapters, int contextSize) {
    List<String> args = new ArrayList<>(List.of(String.valueOf(contextSize), model.toString()));
    adapters.forEach(adapter -> args.add(adapter.toString()));
    ChildJvm.Result result = ChildJvm.run(LoadProbe.class, args, "", Duration.ofMinutes(2));
    if (result.exit() > 1) {
      return new InputException(model.toString(), 0, null, "made llama.cpp crash while loading"
          + " it (exit code " + result.exit() + "); the file is probably corrupt");
    }
    return explain(model, result.output());
  }

  /** Turns llama.cpp's log of a failed load into the exception that explains it. */
  public static RagftException explain(Path model, String log) {
    String[] lines = log.split("\\R");
    String adapter = null;
    for (String line : lines) {
      Matcher start = ADAPTER_START.matcher(line);
      if (start.find()) {
        adapter = start.group(1);
        continue;
      }
      if (adapter != null) {
        for (Problem problem : ADAPTER_PROBLEMS) {
          Matcher matcher = problem.pattern().matcher(line);
          if (matcher.find()) {
            String first = matcher.groupCount() > 0 ? matcher.group(1) : "";
            return new InputException(adapter, 0, null,
                String.format(problem.message(), first.isEmpty() ? "missing" : "'" + first + "'",
                    model));
          }
        }
      }
      for (Problem problem : MODEL_PROBLEMS) {
        Matcher matcher = problem.pattern().matcher(line);
        if (matcher.find()) {
          Object[] groups = new Object[matcher.groupCount()];
          for (int g = 0; g < groups.length; g++) {
            groups[g] = matcher.group(g + 1);
          }
          return new InputException(adapter != null ? adapter : model.toString(), 0, null,
              String.format(problem.message(), groups));
        }
      }
    }
    if (log.contains(LoadProbe.LOADED)) {
      return new RagftException("llama.cpp could not load " + model + " in this process although"
          + " it loads on its own; is the machine short of memory?");
    }
    return new InputException(adapter != null ? adapter : model.toString(), 0, null,
        "llama.cpp could not load it: " + lastError(lines));
  }

  private static String lastError(String[] lines) {
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i].strip();
      if (line.contains("error") || line.contains("failed to")) {
        return line;
      }
    }
    return "llama.cpp gave no reason";
  }

  /** A llama.cpp log message and the sentence that explains it (a format string). */
  private record Problem(Pattern pattern, String message) {
    static List<Problem> list(String... patternsAndMessages) {
      List<Problem> problems = new ArrayList<>();
      for (int i = 0; i < patternsAndMessages.length; i += 2) {
        problems.add(
            new Problem(Pattern.compile(patternsAndMessages[i]), patternsAndMessages[i + 1]));
      }
      return List.copyOf(problems);
    }
  }
}
