package dev.autodidact.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.learner.eval.FeatureSet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class EmbeddingMapTest {

    @Test
    void shouldSeparateTwoClustersAlongTheFirstComponent() throws IOException {
        Random random = new Random(7);
        int n = 200;
        float[][] features = new float[n][16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 16; j++) {
                features[i][j] = (float) (0.05 * random.nextGaussian());
            }
            features[i][labels[i]] += 1;
        }

        EmbeddingMap map = EmbeddingMap.of(new FeatureSet(features, labels, 2, List.of("cat", "dog")), 5);

        for (int i = 0; i < n; i++) {
            assertThat(Math.signum(map.points()[i][0]))
                    .isEqualTo(Math.signum(map.points()[0][0]) * (labels[i] == labels[0] ? 1 : -1));
        }
        assertThat(map.explained()[0]).isGreaterThan(0.8);
        ReportChart chart = map.chart();
        assertThat(chart.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(2);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ReportCharts.png(chart.chart(), 900, 680)));
        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(png.getHeight()).isEqualTo(680);
    }
}
