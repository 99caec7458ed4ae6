package dev.ragft.finetune.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufValue;
import dev.ragft.model.llamacpp.internal.NativeLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The GGUF's own tokenizer and chat template, through llama.cpp ({@code de.kherud:llama}), exactly
 * as inference applies them: {@link LlamaModel#encode} with special tokens parsed, BOS added when
 * the GGUF says so ({@code tokenizer.ggml.add_bos_token}, by default for SentencePiece vocabularies),
 * and the chat template through {@link LlamaModel#applyTemplate(String)}. The model is loaded
 * with llama.cpp's log disabled, as ragft's in-process chat models are, so a training run does not
 * print llama.cpp's loading log.
 */
public final class LlamaCppTokenizer implements TrainingTokenizer, AutoCloseable {

  private final LlamaModel model;
  private final OptionalInt bos;
  private final String eosText;
  private final boolean hasChatTemplate;

  private LlamaCppTokenizer(LlamaModel model, OptionalInt bos, String eosText,
      boolean hasChatTemplate) {
    this.model = model;
    this.bos = bos;
    this.eosText = eosText;
    this.hasChatTemplate = hasChatTemplate;
  }

  /** Loads the tokenizer of a GGUF model (llama.cpp maps the file; nothing is copied). */
  public static LlamaCppTokenizer open(Path gguf) {
    OptionalInt bos;
    String eosText;
    boolean template;
    try (GgufFile file = GgufFile.open(gguf)) {
      boolean spm = file.optString("tokenizer.ggml.model").orElse("").equals("llama");
      boolean addBos = file.bool("tokenizer.ggml.add_bos_token", spm);
      long bosId = file.optInteger("tokenizer.ggml.bos_token_id").orElse(-1L);
      bos = addBos && bosId >= 0 ? OptionalInt.of((int) bosId) : OptionalInt.empty();
      long eosId = file.integer("tokenizer.ggml.eos_token_id");
      GgufValue tokens = file.value("tokenizer.ggml.tokens").orElseThrow(
          () -> file.problem("has no tokenizer.ggml.tokens, so it has no tokenizer to train with"));
      eosText = ((GgufValue.Text) ((GgufValue.Array) tokens).values().get((int) eosId)).value();
      template = file.optString("tokenizer.chat_template").isPresent();
    }
    NativeLibrary.prepare();
    try {
      LlamaModel model = new LlamaModel(new ModelParameters().setModel(gguf.toString())
          .setCtxSize(64).setThreads(1).skipWarmup().disableLog());
      return new LlamaCppTokenizer(model, bos, eosText, template);
    } catch (RuntimeException e) {
      throw new RagftException(gguf + ": llama.cpp cannot load it for tokenizing: "
          + e.getMessage(), e);
    }
  }

  @Override
  public int[] encode(String text) {
    return model.encode(text);
  }

  @Override
  public OptionalInt bos() {
    return bos;
  }

  /** The text of the end-of-sequence token, e.g. {@code </s>}. */
  public String eosText() {
    return eosText;
  }

  /**
   * The format inference uses for this model: its GGUF chat template when it has one, else the
   * {@link PlainPromptFormat} with this model's end-of-sequence text.
   */
  public PromptFormat defaultFormat() {
    return hasChatTemplate ? chatTemplateFormat() : new PlainPromptFormat(eosText);
  }

  /**
   * A format that applies the GGUF's chat template: for each assistant reply, the template applied
   * to the messages before it with the generation prompt is the prompt, and the template applied
   * through the reply without it extends that prompt by the trained segment. A template whose
   * renderings do not extend each other this way cannot be trained on and is an error.
   */
  public PromptFormat chatTemplateFormat() {
    return messages -> {
      List<Segment> segments = new ArrayList<>();
      String done = "";
      for (int i = 0; i < messages.size(); i++) {
        if (!messages.get(i).isAssistant()) {
          continue;
        }
        String prompt = template(messages.subList(0, i), true);
        String through = template(messages.subList(0, i + 1), false);
        if (!prompt.startsWith(done) || !through.startsWith(prompt)) {
          throw new RagftException("the chat template of this model renders a conversation"
              + " differently as it grows, so its replies cannot be cut out for training;"
              + " use the plain prompt format");
        }
        segments.add(new Segment(prompt.substring(done.length()), false));
        segments.add(new Segment(through.substring(prompt.length()), true));
        done = through;
      }
      String all = template(messages, false);
      if (all.length() > done.length()) {
        segments.add(new Segment(all.substring(done.length()), false));
      }
      return segments;
    };
  }

  private String template(List<ChatMessage> messages, boolean generationPrompt) {
    ObjectNode request = Json.mapper().createObjectNode();
    ArrayNode array = request.putArray("messages");
    for (ChatMessage message : messages) {
      array.addObject().put("role", message.role()).put("content", message.content());
    }
    request.put("add_generation_prompt", generationPrompt);
    return model.applyTemplate(request.toString());
  }

  @Override
  public void close() {
    model.close();
  }
}
