/**
 * Reports of a finished run. {@link dev.ragft.eval.report.Report#of} gathers the run, its
 * statistics, its diagnosis and its token usage; {@link dev.ragft.eval.report.JsonReport},
 * {@link dev.ragft.eval.report.MarkdownReport} and {@link dev.ragft.eval.report.HtmlReport}
 * render it, and {@link dev.ragft.eval.report.ReportWriter} writes the files. Every renderer is a
 * pure function of the report: identical inputs give byte-identical files (fixed number formats
 * in {@code Locale.ROOT}, stable order, no clock). Call latency differs from run to run, so it
 * appears only when asked for ({@link dev.ragft.eval.report.ReportOptions#latency()}), in a
 * section of its own. The HTML file is self-contained: inline CSS, inline SVG charts and a little
 * inline JavaScript for navigation; every text from the run is escaped.
 */
package dev.ragft.eval.report;
