package dev.ragft.model.llamacpp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns JSON schemas into the GBNF grammars llama.cpp constrains generation with, using llama.cpp's
 * own converter in a child JVM (the converter aborts the process on a schema it does not handle)
 * and remembering each result for the life of the process. A grammar from here always parses, so
 * llama.cpp never silently drops it.
 */
public final class JsonGrammars {

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private JsonGrammars() {
  }

  /**
   * The grammar for a JSON schema, or a {@link RagftException} saying in one sentence why the
   * schema cannot be used.
   */
  public static String forSchema(String schema) {
    String canonical;
    try {
      JsonNode node = Json.mapper().readTree(schema);
      if (node == null || !node.isObject()) {
        throw new RagftException("a JSON schema must be a JSON object, but this one is: "
            + (node == null ? "empty" : node.getNodeType().name().toLowerCase()));
      }
      canonical = Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new RagftException("the JSON schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return CACHE.computeIfAbsent(canonical, JsonGrammars::convert);
  }

  private static String convert(String schema) {
    ChildJvm.Result result = ChildJvm.run(GrammarProbe.class, List.of(), schema,
        Duration.ofMinutes(1));
    String output = result.output();
    int begin = output.indexOf(GrammarProbe.BEGIN);
    int end = output.lastIndexOf(GrammarProbe.END);
    if (result.exit() == 0 && begin >= 0 && end > begin) {
      return output.substring(begin + GrammarProbe.BEGIN.length(), end).strip() + "\n";
    }
    throw new RagftException("llama.cpp (" + LoadDiagnosis.LLAMA_CPP_BUILD + ") cannot turn the"
        + " JSON schema into a grammar: " + reason(output));
  }

  private static String reason(String output) {
    int what = output.indexOf("what():");
    if (what < 0) {
      return "the converter failed without a reason";
    }
    String text = output.substring(what + "what():".length()).strip()
        .replace("JSON schema conversion failed:", "").strip();
    int cut = text.indexOf('\n');
    return cut > 0 ? text.substring(0, cut).strip() : text;
  }
}
