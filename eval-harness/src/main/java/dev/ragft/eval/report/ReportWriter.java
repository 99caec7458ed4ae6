package dev.ragft.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes a report's files into a directory: {@code report.json}, {@code report.md}, {@code report.html}. */
public final class ReportWriter {

  /** A report file format. */
  public enum Format {
    /** The complete, machine-readable report. */
    JSON("report.json"),
    /** The Markdown summary. */
    MD("report.md"),
    /** The self-contained HTML report. */
    HTML("report.html");

    private final String fileName;

    Format(String fileName) {
      this.fileName = fileName;
    }

    /** The file this format is written to. */
    public String fileName() {
      return fileName;
    }

    /** The format named {@code name} (any case): {@code json}, {@code md} or {@code html}. */
    public static Format parse(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown report format \"" + name
            + "\"; choose json, md or html", e);
      }
    }
  }

  private ReportWriter() {
  }

  /** Renders {@code report} in one format. */
  public static String render(Report report, Format format) {
    return switch (format) {
      case JSON -> JsonReport.render(report);
      case MD -> MarkdownReport.render(report);
      case HTML -> HtmlReport.render(report);
    };
  }

  /**
   * Writes the report in each format into {@code dir} (created if needed), each file written
   * whole to a temporary name and then moved into place.
   *
   * @return the files written, in the order of {@link Format}
   */
  public static List<Path> write(Report report, Path dir, Set<Format> formats) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Format format : Format.values()) {
        if (!formats.contains(format)) {
          continue;
        }
        Path target = dir.resolve(format.fileName());
        Path temp = dir.resolve(format.fileName() + ".tmp");
        Files.writeString(temp, render(report, format), StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        written.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
    }
    return written;
  }
}
