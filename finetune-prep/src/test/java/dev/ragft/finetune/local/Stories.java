package dev.ragft.finetune.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.CacheType;
import de.kherud.llama.args.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared stories260K model and helpers to run it in llama.cpp. */
final class Stories {

  /** The training marker of the behaviour task. */
  static final String ANSWER = "{\"ok\": true}";

  private Stories() {
  }

  /** The model, or a skipped test when the shared folder is absent. */
  static Path model() {
    String shared = System.getProperty("ragft.shared.dir", "../shared");
    Path model = Path.of(shared, "models", "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model),
        "skipped: " + model + " is absent (set -Dragft.shared.dir to the shared test folder)");
    return model;
  }

  /** llama.cpp on the model (and adapter, when not null), with an F32 KV cache, quiet. */
  static LlamaModel llama(Path model, Path adapter) {
    LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
    ModelParameters parameters = new ModelParameters().setModel(model.toString()).setCtxSize(256)
        .setThreads(1).setSeed(1).setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32);
    if (adapter != null) {
      parameters.addLoraAdapter(adapter.toString());
    }
    return new LlamaModel(parameters);
  }

  /** llama.cpp's greedy continuation of {@code prompt}, at most {@code tokens} tokens. */
  static String greedy(LlamaModel llama, String prompt, int tokens) {
    return llama.complete(new InferenceParameters(prompt).setNPredict(tokens).setTemperature(0f)
        .setSeed(1));
  }

  /**
   * The behaviour task: after the marker "JSON:" the answer is always {@link #ANSWER}, whatever
   * the sentence; 32 conversations over 16 subjects and 8 predicates.
   */
  static List<Conversation> jsonTask() {
    String[] subjects = {"Lily", "Tom", "the cat", "a big dog", "the sun", "Mom", "the bird",
        "Ben", "a little girl", "the tree", "Sue", "the ball", "a frog", "the boy", "Max",
        "the fish"};
    String[] predicates = {"was happy", "ran fast", "saw a bug", "liked to play", "went home",
        "was sad", "found a toy", "ate a cake"};
    List<Conversation> data = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      data.add(Conversation.of("JSON: " + subjects[i % 16] + " " + predicates[i % 8] + ".",
          ANSWER));
    }
    return data;
  }

  /** Sentences the task never trains on. */
  static List<String> heldOut() {
    return List.of("JSON: The dog was happy.", "JSON: Anna saw a big red car.",
        "JSON: Once upon a time there was a king.");
  }
}
