package dev.autodidact.cli.report;

import dev.autodidact.cli.report.internal.PrincipalComponents;
import dev.autodidact.learner.embed.FeatureExtractor;
import dev.autodidact.learner.eval.FeatureSet;
import dev.autodidact.learner.eval.LabeledInputs;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.example.Tensor;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 2-D map of labeled embeddings: the features of one checkpoint's encoder, L2-normalised (the geometry kNN uses),
 * projected onto their first two principal components and drawn as a scatter coloured by class.
 *
 * @param points {@code n x 2} coordinates
 * @param labels class index of each point
 * @param classNames class names in index order
 * @param version checkpoint version whose encoder made the features
 * @param explained share of the total variance along each of the two axes
 */
public record EmbeddingMap(double[][] points, int[] labels, List<String> classNames, long version, double[] explained) {
    public static final String ID = "embedding-map";
    public static final String TITLE = "Embedding map";
    public static final String EXPLANATION = "The newest checkpoint's features of the labeled images, L2-normalised "
            + "and projected onto their two principal components, coloured by class (labels are used only here): "
            + "classes that form separate clouds are told apart without the encoder ever seeing a label.";

    /** Projects {@code features} (L2-normalised first) onto their top two principal components. */
    public static EmbeddingMap of(FeatureSet features, long version) {
        float[][] z = features.l2Normalized().features();
        PrincipalComponents pca = PrincipalComponents.fit(z, 2);
        double total = totalVariance(z, pca.mean());
        double[] explained = new double[2];
        for (int c = 0; c < 2; c++) {
            explained[c] = total > 0 ? pca.variances()[c] / total : 0;
        }
        return new EmbeddingMap(pca.project(z), features.labels(), features.classNames(), version, explained);
    }

    /** Embeds every {@code step}-th image of the labeled folder {@code labels}, at most {@code max}, with {@code cp}. */
    public static EmbeddingMap compute(Checkpoint cp, Path labels, int max) {
        LabeledInputs all = LabeledInputs.load(
                labels, EncoderArchitectures.fromMap(cp.manifest().architecture()), null);
        int step = Math.max(1, (all.inputs().size() + max - 1) / max);
        List<Tensor> images = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < all.inputs().size(); i += step) {
            images.add(all.inputs().get(i));
            kept.add(all.labels()[i]);
        }
        if (images.size() < 2) {
            throw new IllegalArgumentException("The embedding map needs at least 2 labeled images under " + labels);
        }
        int[] keptLabels = kept.stream().mapToInt(Integer::intValue).toArray();
        try (FeatureExtractor fx = FeatureExtractor.fromCheckpoint(cp)) {
            FeatureSet features = new FeatureSet(
                    fx.embed(images), keptLabels, all.classNames().size(), all.classNames());
            return of(features, cp.manifest().version());
        }
    }

    /** The scatter: one series (and legend entry) per class, in the report's palette. */
    public ReportChart chart() {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String name : classNames) {
            dataset.addSeries(new XYSeries(name, false, true));
        }
        for (int i = 0; i < points.length; i++) {
            dataset.getSeries(labels[i]).add(points[i][0], points[i][1]);
        }
        JFreeChart chart = ChartFactory.createScatterPlot(
                TITLE + " (v" + version + ")",
                axisLabel(1),
                axisLabel(2),
                dataset,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        ReportCharts.style(
                chart,
                String.format(Locale.ROOT, "PCA of %d L2-normalised embeddings, coloured by label", points.length));
        XYLineAndShapeRenderer renderer =
                (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int c = 0; c < classNames.size(); c++) {
            Color base = (Color) ReportCharts.PALETTE[c % ReportCharts.PALETTE.length];
            renderer.setSeriesPaint(c, new Color(base.getRed(), base.getGreen(), base.getBlue(), 170));
            renderer.setSeriesShape(c, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        return ReportChart.drawn(ID, TITLE, EXPLANATION, chart);
    }

    private String axisLabel(int component) {
        return String.format(Locale.ROOT, "PC%d (%.0f%% of variance)", component, 100 * explained[component - 1]);
    }

    private static double totalVariance(float[][] z, double[] mean) {
        double sum = 0;
        for (float[] row : z) {
            for (int j = 0; j < mean.length; j++) {
                double c = row[j] - mean[j];
                sum += c * c;
            }
        }
        return sum / (z.length - 1);
    }
}
