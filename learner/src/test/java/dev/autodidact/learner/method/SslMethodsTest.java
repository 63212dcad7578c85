package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.model.ConvEncoder;
import dev.autodidact.learner.model.EncoderSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SslMethodsTest {
    private static LearnerConfig config(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(Map.of(LearnerConfig.BOOTSTRAP_SERVERS, "localhost:9092",
                LearnerConfig.ENCODER_WIDTHS, "8,16"));
        props.putAll(overrides);
        return new LearnerConfig(props);
    }

    @Test
    void shouldBuildEveryMethodWithAnEncoderSectionTheEmbedderCanLoad() {
        for (String name : LearnerConfig.METHODS) {
            LearnerConfig config = config(Map.of(LearnerConfig.METHOD, name));
            try (NDManager m = NDManager.newBaseManager()) {
                SslMethod method = SslMethods.create(config, m);
                assertThat(method.name()).isEqualTo(name);
                assertThat(method.viewsPerExample()).isEqualTo(name.equals("dino") ? 8 : 2);
                assertThat(EncoderSpec.fromMap(method.architecture())).isEqualTo(config.encoderSpec());
                assertThat(method.trainableParameters()).allSatisfy(p -> assertThat(p.getValue().requiresGradient())
                        .isTrue());
                Map<String, byte[]> sections = method.saveState();
                Block encoder = ConvEncoder.build(config.encoderSpec());
                encoder.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
                BlockState.load(encoder, m, sections.get("encoder"));
                assertThat(Arrays.equals(BlockState.save(encoder), BlockState.save(method.encoder()))).as(name).isTrue();
            }
        }
    }

    @Test
    void shouldKeepTargetNetworksOutOfTheOptimizer() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (String name : new String[] {"byol", "moco", "dino"}) {
                SslMethod method = SslMethods.create(config(Map.of(LearnerConfig.METHOD, name)), m);
                assertThat(method.trainableParameters()).extracting(p -> p.getKey())
                        .noneMatch(k -> k.startsWith("target.") || k.startsWith("key.") || k.startsWith("teacher.")
                                || k.startsWith("encoder.") && name.equals("dino"));
            }
        }
    }

    @Test
    void shouldTakeTheMomentumHorizonFromMaxStepsUnlessSet() {
        assertThat(config(Map.of()).momentumHorizonSteps()).isZero();
        assertThat(config(Map.of(LearnerConfig.MAX_STEPS, 500)).momentumHorizonSteps()).isEqualTo(500);
        assertThat(config(Map.of(LearnerConfig.MAX_STEPS, 500, LearnerConfig.MOMENTUM_HORIZON_STEPS, 80))
                .momentumHorizonSteps()).isEqualTo(80);
    }

    @Test
    void shouldRejectAnUnknownMethodAndOutOfRangeKnobs() {
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.METHOD, "rotnet"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("method");
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.BYOL_MOMENTUM_BASE, 1.5)))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.MOCO_QUEUE_SIZE, 0))).isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldFallBackToTheMethodsRecipeForUnsetOptimisationKeys() {
        for (String name : LearnerConfig.METHODS) {
            LearnerConfig config = config(Map.of(LearnerConfig.METHOD, name));
            Recipe recipe = Recipe.of(name);
            assertThat(config.optimizer()).as(name).isEqualTo(recipe.optimizer());
            assertThat(config.learningRate()).as(name).isEqualTo(recipe.learningRate());
            assertThat(config.weightDecay()).as(name).isEqualTo(recipe.weightDecay());
            assertThat(config.projectionHidden()).as(name).isEqualTo(recipe.projectionHidden());
            assertThat(config.projectionDim()).as(name).isEqualTo(recipe.projectionDim());
        }
        assertThat(Recipe.of("byol").projectionHidden()).isGreaterThan(Recipe.of("simclr").projectionHidden());
        LearnerConfig explicit = config(Map.of(LearnerConfig.METHOD, "simsiam", LearnerConfig.OPTIMIZER, "adamw",
                LearnerConfig.LEARNING_RATE, 0.003, LearnerConfig.WEIGHT_DECAY, 0.0, LearnerConfig.PROJECTION_HIDDEN, 64,
                LearnerConfig.PROJECTION_DIM, 32));
        assertThat(explicit.optimizer()).isEqualTo("adamw");
        assertThat(explicit.learningRate()).isEqualTo(0.003);
        assertThat(explicit.weightDecay()).isZero();
        assertThat(explicit.projectionHidden()).isEqualTo(64);
        assertThat(explicit.projectionDim()).isEqualTo(32);
    }

    @Test
    void shouldRejectAnUnknownOptimizerAndANegativeLearningRate() {
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.OPTIMIZER, "lars"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("optimizer");
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.LEARNING_RATE, -0.1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("learning.rate");
    }
}
