package dev.autodidact.cli.report;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * One figure of the report: a drawn chart, or the reason it could not be drawn (its series are empty).
 *
 * @param id short name, also the PNG's file name without {@code .png}
 * @param title heading
 * @param explanation one sentence on what the curve means and what to look for
 * @param chart the chart, or null when it is missing
 * @param missing why there is no chart, or null when there is one
 */
public record ReportChart(String id, String title, String explanation, JFreeChart chart, String missing) {

    public ReportChart {
        Objects.requireNonNull(id, "id");
        if ((chart == null) == (missing == null)) {
            throw new IllegalArgumentException("A report chart has either a chart or a reason it is missing");
        }
    }

    public static ReportChart drawn(String id, String title, String explanation, JFreeChart chart) {
        return new ReportChart(id, title, explanation, chart, null);
    }

    public static ReportChart missing(String id, String title, String explanation, String why) {
        return new ReportChart(id, title, explanation, null, why);
    }

    public boolean isDrawn() {
        return chart != null;
    }
}
