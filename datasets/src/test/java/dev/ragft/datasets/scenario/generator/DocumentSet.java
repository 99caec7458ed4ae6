package dev.ragft.datasets.scenario.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.datasets.scenario.DocumentFormat;
import dev.ragft.datasets.scenario.DocumentText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The scenario's document templates, rendered per version, with the facts each one states. */
final class DocumentSet {

  /** One document template. */
  record Template(String id, String title, String kind, DocumentFormat format,
      List<String> versions, String source) {
  }

  /** One rendered document: its file bytes and the text a reader sees. */
  record Rendered(Template template, String version, byte[] bytes, String visibleText,
      Set<String> facts) {
  }

  private final Map<String, Template> templates = new LinkedHashMap<>();
  private final Map<String, Rendered> rendered = new LinkedHashMap<>();

  DocumentSet(Path sourceDir, JsonNode list, Facts facts) {
    for (JsonNode row : list) {
      String id = row.get("id").asText();
      List<String> versions = new ArrayList<>();
      if (row.has("versions")) {
        row.get("versions").forEach(version -> versions.add(version.asText()));
      } else {
        versions.addAll(List.of(Facts.V1, Facts.V2));
      }
      Template template = load(sourceDir.resolve("docs"), id, row.get("title").asText(),
          row.get("kind").asText(), versions);
      templates.put(id, template);
      for (String version : versions) {
        rendered.put(version + "/" + id, render(template, version, facts));
      }
    }
  }

  private static Template load(Path docs, String id, String title, String kind,
      List<String> versions) {
    for (String extension : List.of("md", "html", "txt")) {
      Path file = docs.resolve(id + "." + extension);
      if (Files.isRegularFile(file)) {
        DocumentFormat format = switch (extension) {
          case "md" -> DocumentFormat.MARKDOWN;
          case "html" -> DocumentFormat.HTML;
          default -> DocumentFormat.PDF;
        };
        try {
          return new Template(id, title, kind, format, versions, Files.readString(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalArgumentException("document " + id + " has no template in " + docs);
  }

  private static Rendered render(Template template, String version, Facts facts) {
    String where = template.id() + " (" + version + ")";
    String text = Templates.render(template.source(), version, facts, where);
    byte[] bytes;
    String visible;
    switch (template.format()) {
      case PDF -> {
        bytes = PdfRenderer.render(template.title(), text);
        visible = PdfRenderer.plainText(text);
      }
      default -> {
        bytes = text.getBytes(StandardCharsets.UTF_8);
        visible = DocumentText.extract(template.format(), bytes);
      }
    }
    return new Rendered(template, version, bytes, DocumentText.normalize(visible),
        Templates.references(template.source(), version));
  }

  List<Template> templates() {
    return List.copyOf(templates.values());
  }

  Optional<Rendered> get(String version, String id) {
    return Optional.ofNullable(rendered.get(version + "/" + id));
  }

  Rendered require(String version, String id, String where) {
    return get(version, id).orElseThrow(() -> new IllegalArgumentException(where
        + ": document " + id + " does not exist in " + version));
  }

  /** The documents of {@code version} whose templates state {@code fact}, in list order. */
  List<String> stating(String version, String fact) {
    List<String> ids = new ArrayList<>();
    for (Template template : templates.values()) {
      get(version, template.id()).filter(doc -> doc.facts().contains(fact))
          .ifPresent(doc -> ids.add(template.id()));
    }
    return ids;
  }

  boolean inAllVersions(String id) {
    return templates.get(id).versions().containsAll(List.of(Facts.V1, Facts.V2));
  }
}
