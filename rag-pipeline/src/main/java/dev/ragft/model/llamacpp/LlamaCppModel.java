package dev.ragft.model.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.langchain4j.model.output.FinishReason;
import dev.ragft.common.RagftException;
import dev.ragft.model.llamacpp.ChatTurn.Role;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.llamacpp.internal.BindingAccess;
import dev.ragft.model.llamacpp.internal.GgufHeader;
import dev.ragft.model.llamacpp.internal.JsonGrammars;
import dev.ragft.model.llamacpp.internal.LoadDiagnosis;
import dev.ragft.model.llamacpp.internal.NativeLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A GGUF model loaded into this process by llama.cpp (through the {@code de.kherud:llama} 4.2.0
 * binding, llama.cpp build {@value LoadDiagnosis#LLAMA_CPP_BUILD}), with its LoRA adapters.
 *
 * <p>Loading checks the files first and turns any failure into one sentence naming the bad file
 * (see {@link LoadDiagnosis}). Generation is deterministic: the prompt cache is off, so a result
 * does not depend on earlier requests, and sampling is seeded. One generation runs at a time;
 * concurrent callers wait. Thread-safe. {@link #close()} releases the model.
 *
 * <p>The binding attaches a native thread to the JVM that it never detaches, so once a model has
 * been loaded the JVM does not end by itself when {@code main} returns: end it with
 * {@link System#exit} (as the {@code ragft} command does).
 */
public final class LlamaCppModel implements AutoCloseable {

  private final LlamaCppConfig config;
  private final ModelInfo info;
  private final LlamaModel model;
  /** The adapters given to llama.cpp: the configured ones, or their merge. */
  private final List<LoraAdapter> applied;
  private final ReentrantLock lock = new ReentrantLock(true);
  private volatile boolean closed;

  private LlamaCppModel(LlamaCppConfig config, ModelInfo info, LlamaModel model,
      List<LoraAdapter> applied) {
    this.applied = applied;
    this.config = config;
    this.info = info;
    this.model = model;
  }

  /**
   * Loads a model; a missing, truncated or unsupported model or adapter file is an
   * {@link dev.ragft.common.InputException} whose message names the file and what is wrong.
   */
  public static LlamaCppModel load(LlamaCppConfig config) {
    GgufHeader.check(config.model(), "model");
    for (LoraAdapter adapter : config.adapters()) {
      GgufHeader.check(adapter.file(), "LoRA adapter");
    }
    // The binding applies one adapter per model: several are merged into one with the same update.
    List<LoraAdapter> applied = config.adapters().size() > 1
        ? List.of(LoraAdapter.of(MergedAdapters.file(config.adapters())))
        : config.adapters();
    List<Path> adapterFiles = applied.stream().map(LoraAdapter::file).toList();
    NativeLibrary.prepare();
    ModelParameters parameters = new ModelParameters()
        .setModel(config.model().toString())
        .setCtxSize(config.contextSize())
        .setParallel(1)
        .disableContextShift()
        .enableJinja();
    if (config.threads() > 0) {
      parameters.setThreads(config.threads()).setThreadsBatch(config.threads());
    }
    if (config.nativeLog() == null) {
      parameters.disableLog();
    } else {
      parameters.setLogFile(config.nativeLog().toString());
    }
    if (!adapterFiles.isEmpty()) {
      parameters.addLoraAdapter(adapterFiles.get(0).toString());
    }
    LlamaModel loaded;
    try {
      loaded = new LlamaModel(parameters);
    } catch (LinkageError e) {
      throw new RagftException("the llama.cpp native library does not load on this platform ("
          + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "): "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      RagftException explained = LoadDiagnosis.diagnose(config.model(), adapterFiles,
          config.contextSize());
      explained.addSuppressed(e);
      throw explained;
    }
    if (!BindingAccess.isLoaded(loaded)) {
      throw new RagftException("llama.cpp rejected the options ragft loads " + config.model()
          + " with; this is a bug in ragft, please report it");
    }
    // Read after llama.cpp accepted the file, so that a file it refuses is explained by its own
    // diagnosis above rather than by ragft's reader.
    try (GgufFile gguf = GgufFile.open(config.model())) {
      return new LlamaCppModel(config, ModelInfo.read(gguf), loaded, applied);
    } catch (RuntimeException e) {
      loaded.close();
      throw e;
    }
  }

  /** The configuration the model was loaded with. */
  public LlamaCppConfig config() {
    return config;
  }

  /** The name the model answers to. */
  public String name() {
    return config.name();
  }

  /** What the GGUF's metadata says. */
  public ModelInfo info() {
    return info;
  }

  /** The template actually used: {@code auto} resolved to the GGUF's own or {@code plain}. */
  public String templateInUse() {
    return switch (config.chatTemplate()) {
      case AUTO -> info.template().isPresent() ? "gguf" : "plain";
      case PLAIN -> "plain";
      case COMPLETION -> "completion";
    };
  }

  /** The number of tokens a prompt is fed to the model as, including the BOS token if any. */
  public int countTokens(String prompt) {
    ensureOpen();
    return model.encode(prompt).length + (info.addsBos() ? 1 : 0);
  }

  /** Renders a conversation into the prompt the model continues, with the template in use. */
  public String prompt(List<ChatTurn> turns) {
    PromptTemplates.checkSystemFirst(turns);
    return switch (templateInUse()) {
      case "gguf" -> applyGgufTemplate(turns);
      case "completion" -> PromptTemplates.completion(turns);
      default -> PromptTemplates.plain(turns);
    };
  }

  /** The stop sequences the template in use adds to every request. */
  public List<String> templateStops() {
    return templateInUse().equals("plain") ? List.of(PromptTemplates.PLAIN_STOP) : List.of();
  }

  private String applyGgufTemplate(List<ChatTurn> turns) {
    ensureOpen();
    List<Pair<String, String>> messages = new ArrayList<>();
    for (ChatTurn turn : turns) {
      if (turn.role() != Role.SYSTEM) {
        messages.add(new Pair<>(turn.role() == Role.USER ? "user" : "assistant", turn.text()));
      }
    }
    String system = PromptTemplates.system(turns);
    try {
      return model.applyTemplate(new InferenceParameters("")
          .setMessages(system.isEmpty() ? null : system, messages));
    } catch (RuntimeException e) {
      throw new RagftException("the chat template of " + config.model() + " failed: "
          + e.getMessage(), e);
    }
  }

  /**
   * Generates a continuation of {@code prompt}, passing each piece of text to {@code onText} as
   * it is produced (on the calling thread). A prompt that does not leave room for at least one
   * token in the context is rejected. An exception thrown by {@code onText} cancels the
   * generation and is rethrown as it is.
   */
  public Generation generate(String prompt, Sampling sampling, Consumer<String> onText) {
    Objects.requireNonNull(onText, "onText");
    String grammar = sampling.jsonSchema() == null ? null
        : JsonGrammars.forSchema(sampling.jsonSchema());
    lock.lock();
    try {
      ensureOpen();
      int promptTokens = countTokens(prompt);
      if (promptTokens >= config.contextSize()) {
        throw new RagftException("the prompt has " + promptTokens + " tokens, which does not fit"
            + " the context of " + config.contextSize() + " tokens of " + name()
            + "; shorten it or raise the context size");
      }
      LlamaIterator tokens = model.generate(parameters(prompt, sampling, grammar)).iterator();
      StringBuilder text = new StringBuilder();
      int completionTokens = 0;
      while (tokens.hasNext()) {
        LlamaOutput output;
        try {
          output = tokens.next();
        } catch (RuntimeException e) {
          throw new RagftException("llama.cpp failed while generating with " + name() + ": "
              + e.getMessage(), e);
        }
        if (!tokens.hasNext()) {
          break; // the final message of a stream carries no token
        }
        completionTokens++;
        if (!output.text.isEmpty()) {
          text.append(output.text);
          try {
            onText.accept(output.text);
          } catch (RuntimeException e) {
            tokens.cancel();
            throw e;
          }
        }
      }
      boolean cut = completionTokens >= sampling.maxTokens()
          || promptTokens + completionTokens >= config.contextSize();
      return new Generation(text.toString(), promptTokens, completionTokens,
          cut ? FinishReason.LENGTH : FinishReason.STOP);
    } finally {
      lock.unlock();
    }
  }

  private InferenceParameters parameters(String prompt, Sampling sampling, String grammar) {
    InferenceParameters parameters = new InferenceParameters(prompt)
        .setCachePrompt(false)
        .setNPredict(sampling.maxTokens())
        .setTemperature((float) sampling.temperature())
        .setTopP((float) sampling.topP())
        .setTopK(sampling.topK())
        .setMinP((float) sampling.minP())
        .setRepeatPenalty((float) sampling.repeatPenalty())
        .setFrequencyPenalty((float) sampling.frequencyPenalty())
        .setPresencePenalty((float) sampling.presencePenalty())
        .setSeed(sampling.seed());
    List<String> stops = new ArrayList<>(sampling.stop());
    for (String stop : templateStops()) {
      if (!stops.contains(stop)) {
        stops.add(stop);
      }
    }
    if (!stops.isEmpty()) {
      parameters.setStopStrings(stops.toArray(String[]::new));
    }
    if (grammar != null) {
      parameters.setGrammar(grammar);
    }
    List<LoraAdapter> adapters = applied;
    if (!adapters.isEmpty()) {
      StringBuilder scales = new StringBuilder("[");
      for (int id = 0; id < adapters.size(); id++) {
        scales.append(id == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"scale\":")
            .append(adapters.get(id).scale()).append('}');
      }
      BindingAccess.setRequestField(parameters, "lora", scales.append(']').toString());
    }
    return parameters;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the model " + name() + " is closed");
    }
  }

  /** Releases the model; later calls fail with an {@link IllegalStateException}. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        model.close();
      }
    } finally {
      lock.unlock();
    }
  }
}
