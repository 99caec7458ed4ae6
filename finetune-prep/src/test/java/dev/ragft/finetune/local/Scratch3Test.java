package dev.ragft.finetune.local;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Scratch3Test {
  @Test
  void scratch() {
    Path model = Path.of("/work/shared/models/stories260K.gguf");
    try (LlamaCppTokenizer tok = LlamaCppTokenizer.open(model)) {
      TokenizedExample ex = TokenizedExample.of(tok.defaultFormat().render(Conversation.of("JSON: Lily was happy.", "{\"ok\": true}").messages()), tok);
      System.out.println("TOK " + Arrays.toString(ex.tokens()));
      System.out.println("FLG " + Arrays.toString(ex.trained()));
      System.out.println("EOS " + tok.eosText() + " " + Arrays.toString(tok.encode("</s>")) + " " + Arrays.toString(tok.encode("{\"ok\": true}")));
    }
  }
}
