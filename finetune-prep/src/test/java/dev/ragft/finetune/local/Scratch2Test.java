package dev.ragft.finetune.local;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Scratch2Test {
  @Test
  void scratch() {
    Path model = Path.of("/work/shared/models/stories260K.gguf");
    String[] subjects = {"Lily", "Tom", "the cat", "a big dog", "the sun", "Mom", "the bird", "Ben", "a little girl", "the tree", "Sue", "the ball", "a frog", "the boy", "Max", "the fish"};
    String[] verbs = {"was happy", "ran fast", "saw a bug", "liked to play", "went home", "was sad", "found a toy", "ate a cake"};
    List<Conversation> data = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      data.add(Conversation.of("JSON: " + subjects[i % 16] + " " + verbs[i % 8] + ".", "{\"ok\": true}"));
    }
    Path out = Path.of("/tmp/scratch-train");
    LocalTrainingConfig config = LocalTrainingConfig.builder(model, out).steps(60).batchSize(8)
        .learningRate(1e-2).checkpointEvery(0).resume(false).lora(new LoraConfig(8, 16, 0.0, java.util.EnumSet.of(LoraTarget.Q, LoraTarget.K, LoraTarget.V, LoraTarget.O))).build();
    long t0 = System.nanoTime();
    TrainingResult result = new LocalTrainer(config).train(data, r -> { if (r.step() % 10 == 0) System.out.println("STEP " + r); });
    System.out.println("TIME " + (System.nanoTime() - t0) / 1e9 + " " + result);
    String prompt = new PlainPromptFormat("</s>").prompt(List.of(new ChatMessage("user", "JSON: The dog was happy.")));
    try (LlamaModel base = new LlamaModel(new ModelParameters().setModel(model.toString()).setCtxSize(256))) {
      System.out.println("BASE [" + base.complete(new InferenceParameters(prompt).setNPredict(20).setTemperature(0f)) + "]");
    }
    try (LlamaModel tuned = new LlamaModel(new ModelParameters().setModel(model.toString()).setCtxSize(256).addLoraAdapter(result.ggufAdapter().toString()))) {
      System.out.println("TUNED [" + tuned.complete(new InferenceParameters(prompt).setNPredict(20).setTemperature(0f)) + "]");
    }
  }
}
