package dev.autodidact.learner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    @Test
    void shouldClassifyThreeLinearlySeparableClasses() {
        Random random = new Random(5);
        FeatureSet train = blobs(random, 300);
        FeatureSet test = blobs(random, 300);

        LinearProbe probe = LinearProbe.builder().optEpochs(50).optBatchSize(32).build();

        assertThat(probe.top1(train, test)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldFitTheTrainSetBetterThanChance() {
        Random random = new Random(6);
        LinearProbeModel model =
                LinearProbe.builder().optEpochs(50).optBatchSize(32).build().fit(blobs(random, 300));

        assertThat(model.trainingLoss()).isLessThan(0.05);
        assertThat(model.numClasses()).isEqualTo(3);
        assertThat(model.dimension()).isEqualTo(5);
    }

    @Test
    void shouldShrinkWeightsWithWeightDecay() {
        FeatureSet train = blobs(new Random(8), 200);
        double[] norms = new double[4];
        double[] decays = {0, 0.01, 0.1, 1};
        for (int i = 0; i < decays.length; i++) {
            norms[i] = LinearProbe.builder()
                    .optEpochs(50)
                    .optBatchSize(32)
                    .optWeightDecay(decays[i])
                    .build()
                    .fit(train)
                    .weightNorm();
        }

        assertThat(norms[1]).isLessThan(norms[0]);
        assertThat(norms[2]).isLessThan(norms[1]);
        assertThat(norms[3]).isLessThan(norms[2]).isLessThan(0.5 * norms[0]);
    }

    @Test
    void shouldStandardiseWithTheTrainMeanAndPopulationStd() {
        FeatureSet train = FeatureSet.of(new float[][] {{1, 10}, {3, 10}, {5, 10}}, new int[] {0, 1, 1}, 2);

        LinearProbeModel model = LinearProbe.builder().optEpochs(2).build().fit(train);

        assertThat(model.mean()).containsExactly(new double[] {3, 10}, within(1e-12));
        assertThat(model.std()).containsExactly(new double[] {Math.sqrt(8.0 / 3), 1}, within(1e-12));
    }

    @Test
    void shouldApplyTheStoredStandardisationToNewRows() {
        FeatureSet train = FeatureSet.of(new float[][] {{1, 10}, {3, 10}, {5, 10}}, new int[] {0, 1, 1}, 2);
        LinearProbeModel model = LinearProbe.builder().optEpochs(2).build().fit(train);

        double[] logits = model.logits(new float[] {3 + (float) Math.sqrt(8.0 / 3), 10});

        for (int c = 0; c < 2; c++) {
            assertThat(logits[c]).isCloseTo(model.weights(c)[0] + model.bias(c), within(1e-6));
        }
    }

    @Test
    void shouldGiveTheSameModelForTheSameSeed() {
        FeatureSet train = blobs(new Random(9), 200);
        LinearProbe probe =
                LinearProbe.builder().optEpochs(10).optBatchSize(32).optSeed(42).build();
        float[] row = train.features()[17];

        assertThat(probe.fit(train).logits(row))
                .containsExactly(probe.fit(train).logits(row));
        assertThat(LinearProbe.builder()
                        .optEpochs(10)
                        .optBatchSize(32)
                        .optSeed(43)
                        .build()
                        .fit(train)
                        .logits(row))
                .isNotEqualTo(probe.fit(train).logits(row));
    }

    @Test
    void shouldTrainFullBatchWhenTheBatchCoversTheTrainSet() {
        Random random = new Random(10);
        FeatureSet train = blobs(random, 100);
        LinearProbe probe = LinearProbe.builder()
                .optEpochs(300)
                .optBatchSize(1_000)
                .optLearningRate(0.05)
                .build();

        assertThat(probe.top1(train, blobs(random, 100))).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldRejectInvalidOptions() {
        assertThatThrownBy(() -> LinearProbe.builder().optEpochs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearProbe.builder().optBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearProbe.builder().optLearningRate(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearProbe.builder().optWeightDecay(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearProbe.builder().optWeightDecay(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectTestRowsOfAnotherDimension() {
        LinearProbeModel model = LinearProbe.builder().optEpochs(1).build().fit(blobs(new Random(1), 10));

        assertThatThrownBy(() -> model.predict(new float[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * {@code perClass} points per class in R^5: class c is centred at 4 e_c plus an offset of 100 on every axis (so
     * that standardisation matters), with Gaussian noise of std 0.5. Neighbouring centres are 11.3 noise std apart, so
     * a point lands on the wrong side of a perpendicular bisector with probability about 1e-8.
     */
    static FeatureSet blobs(Random random, int perClass) {
        int d = 5;
        float[][] x = new float[3 * perClass][d];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 3;
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) (100 + 0.5 * random.nextGaussian() + (j == y[i] ? 4 : 0));
            }
        }
        return FeatureSet.of(x, y, 3);
    }
}
