package dev.autodidact.cli.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    @Test
    void shouldFindTheDirectionOfPointsOnALine() {
        double[] direction = unit(1, 2, -3, 0.5);
        Random random = new Random(1);
        float[][] x = new float[100][4];
        for (int i = 0; i < x.length; i++) {
            double t = random.nextGaussian() * 5;
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) (10 + t * direction[j] + 1e-3 * random.nextGaussian());
            }
        }

        PrincipalComponents pca = PrincipalComponents.fit(x, 2);

        assertThat(Math.abs(dot(pca.components()[0], direction))).isCloseTo(1, within(1e-6));
        assertThat(pca.components()[0][2]).as("largest entry made positive").isPositive();
        assertThat(dot(pca.components()[0], pca.components()[1])).isCloseTo(0, within(1e-6));
        assertThat(pca.variances()[0]).isGreaterThan(1e4 * pca.variances()[1]);
        double[][] projected = pca.project(x);
        double mean = 0;
        for (double[] p : projected) {
            mean += p[0] / projected.length;
        }
        assertThat(mean).isCloseTo(0, within(1e-3));
    }

    @Test
    void shouldOrderComponentsByVariance() {
        Random random = new Random(2);
        float[][] x = new float[2000][3];
        for (float[] row : x) {
            row[0] = (float) (1 * random.nextGaussian());
            row[1] = (float) (0.1 * random.nextGaussian());
            row[2] = (float) (3 * random.nextGaussian());
        }

        PrincipalComponents pca = PrincipalComponents.fit(x, 2);

        assertThat(Math.abs(pca.components()[0][2])).isCloseTo(1, within(1e-2));
        assertThat(Math.abs(pca.components()[1][0])).isCloseTo(1, within(1e-2));
        assertThat(pca.variances()[0]).isCloseTo(9, within(0.6));
        assertThat(pca.variances()[1]).isCloseTo(1, within(0.1));
    }

    @Test
    void shouldRefuseFewerThanTwoRows() {
        assertThatThrownBy(() -> PrincipalComponents.fit(new float[][] {{1, 2}}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] unit(double... v) {
        double n = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
