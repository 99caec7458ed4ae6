package dev.ragft.rag.load;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of {@code glob:} patterns matched against paths relative to an input directory. A
 * pattern that starts with {@code **}{@code /} also matches at the top level, so
 * {@code **}{@code /*.md} takes {@code a.md} as well as {@code docs/a.md}.
 */
final class Globs {

  private final List<PathMatcher> matchers = new ArrayList<>();

  Globs(List<String> patterns) {
    for (String pattern : patterns) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (pattern.startsWith("**/")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
  }

  boolean isEmpty() {
    return matchers.isEmpty();
  }

  /** Whether any pattern matches {@code relative}. */
  boolean matches(Path relative) {
    for (PathMatcher matcher : matchers) {
      if (matcher.matches(relative)) {
        return true;
      }
    }
    return false;
  }
}
