package dev.ragft.eval.gate;

import dev.ragft.eval.compare.RunComparison;
import dev.ragft.eval.compare.SetupComparison;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes gate outcomes as JUnit XML, the format CI servers read: a suite {@code ragft.gate} with
 * one test case per clause (failed when violated), and, for a comparison, a suite
 * {@code ragft.flips} with one test case per setup and paired case (failed when it went from pass
 * to fail). No timestamps or durations, so the same outcome gives the same bytes. Characters XML
 * cannot hold are replaced by U+FFFD.
 */
public final class JUnitXml {

  private JUnitXml() {
  }

  /** The XML for a gate and, optionally, the comparison it was checked on. */
  public static String render(GateResult gate, Optional<RunComparison> comparison) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "ragft");
      xml.writeCharacters("\n");
      suite(xml, "ragft.gate", gate.clauses().size(), gate.violated().size());
      for (ClauseResult c : gate.clauses()) {
        testCase(xml, "ragft.gate", c.clause().text(), c.passed() ? null : c.describe(), null);
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      if (comparison.isPresent()) {
        List<SetupComparison> setups = comparison.get().setups();
        int tests = 0;
        for (SetupComparison s : setups) {
          tests += s.paired();
        }
        suite(xml, "ragft.flips", tests, comparison.get().passToFail());
        for (SetupComparison s : setups) {
          for (String caseId : s.pairedCases()) {
            String failure = s.passToFail().contains(caseId)
                ? caseId + " passed in " + comparison.get().before() + " and fails in "
                    + comparison.get().after() : null;
            String note = s.failToPass().contains(caseId) ? "fail -> pass" : null;
            testCase(xml, "ragft.flips." + s.setupId(), caseId, failure, note);
          }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("JUnit XML could not be written", e);
    }
    return out.toString();
  }

  /** Writes {@link #render} to {@code file}, creating its directory. */
  public static void write(Path file, GateResult gate, Optional<RunComparison> comparison) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, render(gate, comparison), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JUnit XML to " + file + ": " + e.getMessage(), e);
    }
  }

  private static void suite(XMLStreamWriter xml, String name, int tests, int failures)
      throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", String.valueOf(tests));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", "0");
    xml.writeCharacters("\n");
  }

  private static void testCase(XMLStreamWriter xml, String className, String name, String failure,
      String systemOut) throws XMLStreamException {
    xml.writeCharacters("    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", clean(className));
    xml.writeAttribute("name", clean(name));
    if (failure != null) {
      xml.writeStartElement("failure");
      xml.writeAttribute("message", clean(failure));
      xml.writeAttribute("type", "ragft.gate");
      xml.writeCharacters(clean(failure));
      xml.writeEndElement();
    }
    if (systemOut != null) {
      xml.writeStartElement("system-out");
      xml.writeCharacters(clean(systemOut));
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  /** The text with every character XML 1.0 cannot hold replaced by U+FFFD. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      out.appendCodePoint(ok ? c : 0xFFFD);
    });
    return out.toString();
  }
}
