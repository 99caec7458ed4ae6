package dev.ragft.eval.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sources a reply cites, in the order first cited, each once: bracketed markers in the text
 * ({@code [2]} for a passage number, {@code [pricing-plans]} for a document id) and, when the
 * reply is a JSON object with a {@code "sources"} array, its text items (document ids).
 */
public final class Citations {

  private static final Pattern MARKER = Pattern.compile("\\[([A-Za-z0-9][A-Za-z0-9._:/@+#-]*)]");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");

  private Citations() {
  }

  /** One cited source: a passage number, or a document id. */
  public sealed interface Cited {
    /** How the reply wrote it: {@code [2]} or {@code pricing-plans}. */
    String shown();
  }

  /**
   * A passage number, {@code [n]}.
   *
   * @param number the number
   */
  public record PassageNumber(int number) implements Cited {
    @Override
    public String shown() {
      return "[" + number + "]";
    }
  }

  /**
   * A document id.
   *
   * @param docId the id as written
   */
  public record DocumentId(String docId) implements Cited {
    @Override
    public String shown() {
      return docId;
    }
  }

  /** Everything {@code reply} cites. */
  public static List<Cited> of(String reply) {
    Set<Cited> cited = new LinkedHashSet<>();
    Matcher matcher = MARKER.matcher(reply);
    while (matcher.find()) {
      String inside = matcher.group(1);
      cited.add(NUMBER.matcher(inside).matches() ? new PassageNumber(Integer.parseInt(inside))
          : new DocumentId(inside));
    }
    Optional<JsonNode> json = FormatScorer.json(reply);
    if (json.isPresent() && json.get().path("sources").isArray()) {
      for (JsonNode source : json.get().get("sources")) {
        if (source.isTextual() && !source.asText().isBlank()) {
          cited.add(new DocumentId(source.asText()));
        }
      }
    }
    return new ArrayList<>(cited);
  }
}
