package dev.autodidact.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class ReportChartsTest {

    @Test
    void shouldPlaceTheMovingMeanAtTheMiddleOfItsWindow() {
        Series s = new Series("loss", new double[] {1, 2, 3, 4, 5}, new double[] {1, 3, 5, 7, 9});

        assertThat(ReportCharts.movingMean(s, 2).x()).containsExactly(1.5, 2.5, 3.5, 4.5);
        assertThat(ReportCharts.movingMean(s, 2).y()).containsExactly(2, 4, 6, 8);
        assertThat(ReportCharts.movingMean(s, 3).x()).containsExactly(2, 3, 4);
        assertThat(ReportCharts.movingMean(s, 3).y()).containsExactly(3, 5, 7);
    }

    @Test
    void shouldShowZeroSkippedStepsOnAWholeNumberAxisFromZero() {
        ReportData data = ReportData.of(
                "test", List.of(SyntheticManifests.manifest(1, false), SyntheticManifests.manifest(2, false)));

        XYPlot plot = ReportCharts.lineChart(ReportCurve.SKIPPED, data, XAxis.STEP)
                .chart()
                .getXYPlot();

        assertThat(plot.getRangeAxis().getLowerBound()).isZero();
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldAddTheSmoothedLossOnlyWhenThereAreEnoughVersions() {
        assertThat(lossSeriesCount(19)).isEqualTo(1);
        assertThat(lossSeriesCount(20)).isEqualTo(2);
    }

    @Test
    void shouldMarkTheHealthyStdOfTheFeatureDimension() {
        ReportData data = ReportData.of(
                "test", List.of(SyntheticManifests.manifest(1, true), SyntheticManifests.manifest(2, true)));

        XYPlot plot = ReportCharts.lineChart(ReportCurve.STD, data, XAxis.STEP)
                .chart()
                .getXYPlot();

        assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).hasSize(1);
        assertThat(plot.getRangeAxis().getRange().contains(1 / Math.sqrt(SyntheticManifests.FEATURE_DIM)))
                .isTrue();
        assertThat(plot.getRangeAxis().getLowerBound()).isZero();
    }

    private static int lossSeriesCount(int versions) {
        ReportData data = ReportData.of(
                "test",
                LongStream.rangeClosed(1, versions)
                        .mapToObj(v -> SyntheticManifests.manifest(v, false))
                        .toList());
        return ReportCharts.lineChart(ReportCurve.LOSS, data, XAxis.STEP)
                .chart()
                .getXYPlot()
                .getDataset()
                .getSeriesCount();
    }
}
