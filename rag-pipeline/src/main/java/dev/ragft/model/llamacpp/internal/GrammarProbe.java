package dev.ragft.model.llamacpp.internal;

import de.kherud.llama.LlamaModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The child process of {@link JsonGrammars}: reads a JSON schema from standard input and prints
 * llama.cpp's grammar for it between {@link #BEGIN} and {@link #END}. llama.cpp aborts the process
 * on a schema it cannot convert, which is why this runs in a child.
 */
public final class GrammarProbe {

  /** The line before the grammar. */
  public static final String BEGIN = "-----BEGIN GBNF-----";
  /** The line after the grammar. */
  public static final String END = "-----END GBNF-----";

  private GrammarProbe() {
  }

  /** Converts the schema on standard input and exits 0 (llama.cpp exits 134 on failure). */
  public static void main(String[] args) throws IOException {
    NativeLibrary.prepare();
    String schema = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    String grammar = LlamaModel.jsonSchemaToGrammar(schema);
    System.out.println(BEGIN);
    System.out.print(grammar);
    System.out.println(END);
    System.out.flush();
    System.exit(0);
  }
}
