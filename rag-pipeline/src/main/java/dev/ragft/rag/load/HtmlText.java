package dev.ragft.rag.load;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The visible text of an HTML element with its block structure kept: every block element
 * (paragraph, heading, list item, table row, …) becomes a paragraph, paragraphs are separated by
 * one blank line, {@code <br>} is a line break, table cells in a row are joined by {@code " | "},
 * whitespace elsewhere collapses to single spaces and {@code <pre>} keeps its own. Scripts,
 * styles, navigation, templates and hidden elements are dropped.
 */
final class HtmlText implements NodeFilter {

  private static final Set<String> DROPPED = Set.of("script", "style", "nav", "noscript",
      "template", "head", "svg", "math", "iframe", "object", "canvas", "select", "button");

  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote",
      "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
      "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
      "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "ol", "p", "pre",
      "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul");

  private final StringBuilder out = new StringBuilder();
  private boolean paragraphPending;
  private boolean cellSeen;
  private int preDepth;

  private HtmlText() {
  }

  /** The visible text of {@code root}; empty when it has none. */
  static String of(Element root) {
    if (root == null) {
      return "";
    }
    HtmlText text = new HtmlText();
    root.filter(text);
    return text.out.toString().strip();
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode text) {
      if (preDepth > 0) {
        append(text.getWholeText().replace("\r\n", "\n").replace('\r', '\n'));
      } else {
        appendCollapsed(text.getWholeText());
      }
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element element)) {
      return FilterResult.CONTINUE;
    }
    String tag = element.normalName();
    if (DROPPED.contains(tag) || hidden(element)) {
      return FilterResult.SKIP_ENTIRELY;
    }
    if (BLOCKS.contains(tag)) {
      paragraphPending = true;
      cellSeen = false;
    } else if (tag.equals("br")) {
      lineBreak();
    } else if (tag.equals("td") || tag.equals("th")) {
      if (cellSeen) {
        append(" | ");
      }
      cellSeen = true;
    }
    if (tag.equals("pre")) {
      preDepth++;
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element element) {
      String tag = element.normalName();
      if (tag.equals("pre")) {
        preDepth--;
      }
      if (BLOCKS.contains(tag)) {
        paragraphPending = true;
      }
    }
    return FilterResult.CONTINUE;
  }

  private static boolean hidden(Element element) {
    return element.hasAttr("hidden")
        || element.attr("aria-hidden").equals("true")
        || element.attr("style").replace(" ", "").toLowerCase().contains("display:none");
  }

  private void appendCollapsed(String raw) {
    StringBuilder collapsed = new StringBuilder(raw.length());
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = true;
      } else {
        if (space) {
          collapsed.append(' ');
        }
        space = false;
        collapsed.append(c);
      }
    }
    if (space) {
      collapsed.append(' ');
    }
    String text = collapsed.toString();
    if (text.isEmpty()) {
      return;
    }
    if (atLineStart() || paragraphPending) {
      text = text.stripLeading();
      if (text.isEmpty()) {
        return;
      }
    } else if (text.startsWith(" ") && out.charAt(out.length() - 1) == ' ') {
      text = text.substring(1);
    }
    append(text);
  }

  private void append(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (paragraphPending) {
      if (!out.isEmpty()) {
        trimTrailing();
        out.append("\n\n");
      }
      paragraphPending = false;
    }
    out.append(text);
  }

  private void lineBreak() {
    if (paragraphPending || out.isEmpty()) {
      return;
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private boolean atLineStart() {
    return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
  }

  private void trimTrailing() {
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\n')) {
      end--;
    }
    out.setLength(end);
  }
}
