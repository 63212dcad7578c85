package dev.autodidact.cli.report;

import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report as one self-contained HTML page: no scripts, no external style sheets or images; every chart is a PNG
 * in a {@code data:} URI, followed by a table of the versions.
 */
public final class HtmlReport {
    public static final String TITLE = "autodidact training report";
    /** Table columns, in this order when present; other metric keys follow, sorted. */
    private static final List<String> KNOWN_METRICS = List.of(
            "loss",
            "samples.per.second",
            "health.std",
            "health.rankme",
            "health.alignment",
            "health.uniformity",
            "health.drift",
            "probe.knn.top1",
            "probe.linear.top1",
            "skipped.steps");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
            h1{margin-bottom:.2em} .meta{color:#555;margin-top:0}
            figure{margin:1.5em 0} img{max-width:100%;height:auto;border:1px solid #eee}
            p.explain{margin:.3em 0 .6em} p.missing{color:#8a4b00;background:#fff6e5;padding:.5em}
            .table{max-height:32em;overflow:auto} table{border-collapse:collapse;font-size:13px}
            th,td{padding:2px 8px;text-align:right;border-bottom:1px solid #eee;white-space:nowrap} th{position:sticky;top:0;background:#fafafa}
            """;

    /** A chart with its rendered PNG (null when the chart is missing) and the PNG's file name. */
    public record Figure(ReportChart chart, byte[] png, String fileName) {}

    private HtmlReport() {}

    public static String render(ReportData data, XAxis axis, List<Figure> figures, Instant generatedAt) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(TITLE)
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(TITLE).append("</h1>\n");
        h.append("<p class=\"meta\">")
                .append(escape(summary(data)))
                .append("<br>Source: <code>")
                .append(escape(data.source()))
                .append("</code>; generated ")
                .append(TIME.format(generatedAt))
                .append(" UTC; curves over ")
                .append(escape(axis.label()))
                .append(".</p>\n");
        for (Figure f : figures) {
            figure(h, f);
        }
        table(h, data);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void figure(StringBuilder h, Figure f) {
        ReportChart c = f.chart();
        h.append("<section id=\"")
                .append(escape(c.id()))
                .append("\">\n<h2>")
                .append(escape(c.title()))
                .append("</h2>\n<p class=\"explain\">")
                .append(escape(c.explanation()))
                .append("</p>\n");
        if (c.isDrawn()) {
            h.append("<figure><img alt=\"")
                    .append(escape(c.title()))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png()))
                    .append("\"><figcaption><code>")
                    .append(escape(f.fileName()))
                    .append("</code></figcaption></figure>\n");
        } else {
            h.append("<p class=\"missing\">Not drawn: ")
                    .append(escape(c.missing()))
                    .append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static void table(StringBuilder h, ReportData data) {
        List<String> metrics = metricColumns(data);
        h.append("<section id=\"versions\">\n<h2>Versions</h2>\n<div class=\"table\"><table>\n<tr><th>version</th>"
                + "<th>step</th><th>samples seen</th><th>created (UTC)</th>");
        metrics.forEach(m -> h.append("<th>").append(escape(m)).append("</th>"));
        h.append("</tr>\n");
        for (CheckpointManifest m : data.manifests()) {
            h.append("<tr><td>")
                    .append(m.version())
                    .append("</td><td>")
                    .append(m.step())
                    .append("</td><td>")
                    .append(m.samplesSeen())
                    .append("</td><td>")
                    .append(TIME.format(Instant.ofEpochMilli(m.createdAtMs())))
                    .append("</td>");
            for (String key : metrics) {
                Double v = m.metrics().get(key);
                h.append("<td>")
                        .append(v == null ? "" : String.format(Locale.ROOT, "%.4g", v))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n</section>\n");
    }

    private static List<String> metricColumns(ReportData data) {
        Set<String> present = new TreeSet<>();
        data.manifests().forEach(m -> present.addAll(m.metrics().keySet()));
        Set<String> ordered = new LinkedHashSet<>();
        KNOWN_METRICS.stream().filter(present::contains).forEach(ordered::add);
        ordered.addAll(present);
        return new ArrayList<>(ordered);
    }

    private static String summary(ReportData data) {
        CheckpointManifest first = data.manifests().get(0);
        CheckpointManifest last = data.newest();
        double minutes = (last.createdAtMs() - first.createdAtMs()) / 60_000.0;
        return String.format(
                Locale.ROOT,
                "%s on %s: %d versions (v%d to v%d), %,d steps, %,d samples seen, "
                        + "%.1f minutes between the first and the last checkpoint.",
                last.method(),
                last.modality(),
                data.manifests().size(),
                first.version(),
                last.version(),
                last.step(),
                last.samplesSeen(),
                minutes);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
