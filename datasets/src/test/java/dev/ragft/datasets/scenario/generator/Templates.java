package dev.ragft.datasets.scenario.generator;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template language of scenario sources: {@code {{fact.id}}} is replaced by the fact's value
 * in the version being rendered, and {@code {{#v2}}...{{/v2}}} keeps its text only in that
 * version.
 */
final class Templates {

  private static final Pattern BLOCK = Pattern.compile("\\{\\{#(v\\d+)}}(.*?)\\{\\{/\\1}}",
      Pattern.DOTALL);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9.-]+)}}");

  private Templates() {
  }

  /** The template with its version blocks resolved and its placeholders filled in. */
  static String render(String template, String version, Facts facts, String where) {
    String text = blocks(template, version);
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value;
      try {
        value = facts.get(matcher.group(1)).value(version);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    if (out.indexOf("{{") >= 0 || out.indexOf("}}") >= 0) {
      throw new IllegalArgumentException(where + ": a template marker was left unresolved");
    }
    return out.toString();
  }

  /** The facts the template refers to in {@code version}. */
  static Set<String> references(String template, String version) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(blocks(template, version));
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private static String blocks(String template, String version) {
    Matcher matcher = BLOCK.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String kept = matcher.group(1).equals(version) ? matcher.group(2) : "";
      matcher.appendReplacement(out, Matcher.quoteReplacement(kept));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
