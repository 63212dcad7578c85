package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.health.HealthMonitor;
import dev.autodidact.learner.modality.image.ImageKit;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * RotNet's and jigsaw's own settings reach the networks they build (head width, number of permutations, tiles), are
 * recorded in the manifest's architecture, fall back to their defaults, and out-of-range values fail at start-up.
 */
class PretextMethodConfigTest {
    private static LearnerConfig config(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(Map.of(
                LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092", ImageKit.ENCODER_WIDTHS_CONFIG, "8,16"));
        props.putAll(overrides);
        return new LearnerConfig(props);
    }

    private static PretextClassifierMethod create(LearnerConfig config, NDManager m) {
        return (PretextClassifierMethod) config.methodSpec().create(config.methodContext(m));
    }

    @Test
    void shouldTrainRotNetOnItsPapersBatchOf128UnlessBatchSizeIsSet() {
        assertThat(config(Map.of(LearnerConfig.METHOD_CONFIG, "rotnet")).batchSize())
                .isEqualTo(128);
        assertThat(config(Map.of(LearnerConfig.METHOD_CONFIG, "rotnet", LearnerConfig.BATCH_SIZE_CONFIG, 64))
                        .batchSize())
                .isEqualTo(64);
        assertThat(config(Map.of(LearnerConfig.METHOD_CONFIG, "jigsaw")).batchSize())
                .isEqualTo(Recipe.BATCH_SIZE);
        assertThatThrownBy(() -> new Recipe(Recipe.ADAMW, 1e-3, 0, 8, 8, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void shouldBuildTheConfiguredHeadsAndRecordThemInTheArchitecture() {
        try (NDManager m = NDManager.newBaseManager()) {
            PretextClassifierMethod rotnet =
                    create(config(Map.of(LearnerConfig.METHOD_CONFIG, "rotnet", RotNetMethod.HIDDEN_CONFIG, 64)), m);
            assertThat(rotnet.classes()).isEqualTo(4);
            assertThat(HealthMonitor.outputDim(rotnet.head(), 16)).isEqualTo(64);
            assertThat(rotnet.architecture()).containsEntry(RotNetMethod.HIDDEN_CONFIG, "64");

            PretextClassifierMethod jigsaw = create(
                    config(Map.of(LearnerConfig.METHOD_CONFIG, "jigsaw", JigsawMethod.PERMUTATIONS_CONFIG, 30)), m);
            assertThat(jigsaw.classes()).isEqualTo(30);
            assertThat(jigsaw.architecture())
                    .containsEntry(JigsawMethod.PERMUTATIONS_CONFIG, "30")
                    .containsEntry(JigsawMethod.HIDDEN_CONFIG, "256");

            assertThat(jigsaw.inputs()).hasSize(10).endsWith("view.8", "target");

            PretextClassifierMethod defaults = create(config(Map.of(LearnerConfig.METHOD_CONFIG, "jigsaw")), m);
            assertThat(defaults.classes()).isEqualTo(JigsawMethod.PERMUTATIONS_DEFAULT);
            assertThat(defaults.architecture()).containsEntry(JigsawMethod.GRID_CONFIG, "3");

            PretextClassifierMethod fourTiles = create(
                    config(Map.of(
                            LearnerConfig.METHOD_CONFIG,
                            "jigsaw",
                            JigsawMethod.GRID_CONFIG,
                            2,
                            JigsawMethod.PERMUTATIONS_CONFIG,
                            24)),
                    m);
            assertThat(fourTiles.inputs()).containsExactly("view.0", "view.1", "view.2", "view.3", "target");
            assertThat(fourTiles.canonicalInputs()).isEmpty();
            assertThat(fourTiles.architecture()).containsEntry(JigsawMethod.GRID_CONFIG, "2");
        }
    }

    @Test
    void shouldTrainWithAdamWAtTheRecipesLearningRate() {
        for (String name : new String[] {"rotnet", "jigsaw"}) {
            LearnerConfig config = config(Map.of(LearnerConfig.METHOD_CONFIG, name));
            assertThat(config.optimizer()).isEqualTo(Recipe.ADAMW);
            assertThat(config.learningRate()).isEqualTo(1e-3);
        }
    }

    @Test
    void shouldRejectOutOfRangeSettings() {
        assertThatThrownBy(() -> config(Map.of(JigsawMethod.PERMUTATIONS_CONFIG, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(JigsawMethod.PERMUTATIONS_CONFIG);
        assertThatThrownBy(() -> config(Map.of(JigsawMethod.PERMUTATIONS_CONFIG, JigsawMethod.MAX_PERMUTATIONS + 1)))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config(Map.of(JigsawMethod.GRID_CONFIG, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(JigsawMethod.GRID_CONFIG);
        assertThatThrownBy(() -> config(Map.of(JigsawMethod.GRID_CONFIG, JigsawMethod.MAX_GRID + 1)))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config(Map.of(RotNetMethod.LABEL_SMOOTHING_CONFIG, 1.0)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RotNetMethod.LABEL_SMOOTHING_CONFIG);
        assertThatThrownBy(() -> config(Map.of(RotNetMethod.HIDDEN_CONFIG, 0))).isInstanceOf(ConfigException.class);
    }
}
