package dev.autodidact.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the report's line charts with JFreeChart and renders any chart to PNG bytes. */
public final class ReportCharts {
    /** The colours of Matplotlib's {@code tab10}, so that classes and series stay apart in print. */
    static final Paint[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x7f7f7f),
        new Color(0xbcbd22),
        new Color(0x17becf)
    };

    private static final int MAX_POINTS_WITH_SHAPES = 60;
    /** Versions averaged by the smoothed loss curve. */
    private static final int SMOOTHING = 10;

    private ReportCharts() {}

    /** One chart per {@link ReportCurve}, in declaration order; a curve with no data comes back missing. */
    public static List<ReportChart> lineCharts(ReportData data, XAxis axis) {
        List<ReportChart> charts = new ArrayList<>();
        for (ReportCurve curve : ReportCurve.values()) {
            charts.add(lineChart(curve, data, axis));
        }
        return charts;
    }

    static ReportChart lineChart(ReportCurve curve, ReportData data, XAxis axis) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < curve.metrics().size(); i++) {
            series.add(data.metric(curve.metrics().get(i), curve.seriesNames().get(i), axis));
        }
        if (curve == ReportCurve.THROUGHPUT) {
            series.add(data.throughputBetweenVersions("between checkpoints", axis));
        }
        series.removeIf(Series::isEmpty);
        if (series.isEmpty()) {
            return ReportChart.missing(
                    curve.id(),
                    curve.title(),
                    curve.explanation(),
                    "no manifest holds " + String.join(" or ", curve.metrics()) + ".");
        }
        if (curve == ReportCurve.LOSS && series.get(0).size() >= 2 * SMOOTHING) {
            series.add(movingMean(series.get(0), SMOOTHING));
        }
        boolean legend = series.size() > 1 || curve == ReportCurve.THROUGHPUT || curve == ReportCurve.PROBE;
        JFreeChart chart = lineChart(curve.title(), curve.hint(), axis.label(), curve.yLabel(), series, legend);
        XYPlot plot = chart.getXYPlot();
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        if (curve == ReportCurve.STD || curve == ReportCurve.PROBE) {
            y.setAutoRangeIncludesZero(true);
        }
        if (curve == ReportCurve.SKIPPED) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
            y.setAutoRangeIncludesZero(true);
            if (maxY(series) < 1) {
                y.setRange(0, 1);
            }
        }
        OptionalInt d = data.featureDimension();
        if (curve == ReportCurve.STD && d.isPresent()) {
            double healthy = 1 / Math.sqrt(d.getAsInt());
            plot.addRangeMarker(referenceLine(healthy, String.format(Locale.ROOT, "1/sqrt(d), d = %d", d.getAsInt())));
            plot.getRangeAxis().setRange(0, Math.max(maxY(series), healthy) * 1.15);
        }
        return ReportChart.drawn(curve.id(), curve.title(), curve.explanation(), chart);
    }

    /** An XY line chart of {@code series} with the report's look. */
    public static JFreeChart lineChart(
            String title, String subtitle, String xLabel, String yLabel, List<Series> series, boolean legend) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        int points = 0;
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.size(); i++) {
                xy.add(s.x()[i], s.y()[i]);
            }
            dataset.addSeries(xy);
            points = Math.max(points, s.size());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, xLabel, yLabel, dataset, PlotOrientation.VERTICAL, legend, false, false);
        style(chart, subtitle);
        XYLineAndShapeRenderer renderer =
                (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        renderer.setDefaultShapesVisible(points <= MAX_POINTS_WITH_SHAPES);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    /** White background, light grid, a small grey subtitle. */
    static void style(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle t = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            t.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(t);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
    }

    /** {@code chart} as a PNG of {@code width x height} pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot render chart " + chart.getTitle().getText(), e);
        }
        return out.toByteArray();
    }

    /**
     * The moving mean over {@code window} consecutive points, placed at the middle of each window (for an even
     * window, halfway between the two middle points), so that it does not lag behind the raw curve.
     */
    static Series movingMean(Series s, int window) {
        int n = s.size() - window + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += s.y()[i] - (i >= window ? s.y()[i - window] : 0);
            int first = i - window + 1;
            if (first >= 0) {
                x[first] = (s.x()[first + (window - 1) / 2] + s.x()[first + window / 2]) / 2;
                y[first] = sum / window;
            }
        }
        return new Series("mean of " + window + " versions", x, y);
    }

    private static double maxY(List<Series> series) {
        return series.stream().flatMapToDouble(s -> Arrays.stream(s.y())).max().orElse(0);
    }

    private static ValueMarker referenceLine(double value, String label) {
        ValueMarker marker = new ValueMarker(
                value,
                Color.GRAY,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }
}
