package dev.autodidact.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders every chart to a PNG in one directory and writes the HTML page that embeds the same images. */
public final class ReportWriter {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 420;
    public static final int MAP_HEIGHT = 680;

    /**
     * What was written.
     *
     * @param html the page
     * @param pngs one file per drawn chart, in page order
     * @param missing the charts that could not be drawn
     */
    public record Result(Path html, List<Path> pngs, List<ReportChart> missing) {}

    private ReportWriter() {}

    /**
     * Writes {@code <pngDir>/<chart id>.png} for every drawn line chart of {@code data} and for {@code map}, then
     * {@code html}. Without a map, the page says how to get one.
     */
    public static Result write(ReportData data, XAxis axis, Optional<ReportChart> map, Path html, Path pngDir) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("No checkpoint manifests in " + data.source());
        }
        List<ReportChart> charts = new ArrayList<>(ReportCharts.lineCharts(data, axis));
        charts.add(map.orElse(ReportChart.missing(
                EmbeddingMap.ID,
                EmbeddingMap.TITLE,
                EmbeddingMap.EXPLANATION,
                "no labeled images; run the report with --labels DIR (<DIR>/<class>/<image>).")));
        List<HtmlReport.Figure> figures = new ArrayList<>();
        List<Path> pngs = new ArrayList<>();
        List<ReportChart> missing = new ArrayList<>();
        try {
            Files.createDirectories(pngDir);
            for (ReportChart c : charts) {
                String file = c.id() + ".png";
                if (!c.isDrawn()) {
                    missing.add(c);
                    figures.add(new HtmlReport.Figure(c, null, file));
                    continue;
                }
                byte[] png = ReportCharts.png(c.chart(), WIDTH, c.id().equals(EmbeddingMap.ID) ? MAP_HEIGHT : HEIGHT);
                pngs.add(Files.write(pngDir.resolve(file), png));
                figures.add(new HtmlReport.Figure(c, png, file));
            }
            Path parent = html.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(html, HtmlReport.render(data, axis, figures, Instant.now()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report to " + html, e);
        }
        return new Result(html, pngs, missing);
    }
}
