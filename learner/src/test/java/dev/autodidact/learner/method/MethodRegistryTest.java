package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.learner.modality.EncoderRequirement;
import dev.autodidact.learner.modality.audio.AudioWaveformEncoderSpec;
import dev.autodidact.learner.modality.image.ImageKit;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.method.ExampleRecipe;
import dev.autodidact.schema.method.MethodCatalog;
import dev.autodidact.schema.method.MethodEntry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MethodRegistryTest {
    private static LearnerConfig config(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(Map.of(
                LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092", ImageKit.ENCODER_WIDTHS_CONFIG, "8,16"));
        props.putAll(overrides);
        return new LearnerConfig(props);
    }

    /**
     * The context a method is built from: the learner's own for the image methods; for the methods that learn from
     * audio only, which the learner cannot be configured for before it has an audio kit, a small waveform encoder of
     * the kind their requirement names and the (image) learner's settings, which define every method's own keys.
     */
    private static MethodContext context(String name, NDManager m) {
        if (MethodCatalog.get(name).supports(Modality.IMAGE)) {
            LearnerConfig config = config(Map.of(LearnerConfig.METHOD_CONFIG, name));
            return config.methodContext(m);
        }
        MethodSpec spec = MethodRegistry.get(name);
        AudioWaveformEncoderSpec encoder = spec.encoder() == EncoderRequirement.CAUSAL_FRAMES
                ? AudioWaveformEncoderSpec.gru(16000, 3200, 16, 16)
                : AudioWaveformEncoderSpec.transformer(16000, 3200, 16, 16, 1, 2, false);
        assertThat(spec.encoder().accepts(encoder)).as(name).isTrue();
        Recipe recipe = spec.recipe();
        return new MethodContext(m, encoder, config(Map.of()), recipe.projectionHidden(), recipe.projectionDim(), 0);
    }

    @Test
    void shouldBuildEveryMethodWithAnEncoderSectionTheEmbedderCanLoad() {
        for (String name : MethodCatalog.names()) {
            try (NDManager m = NDManager.newBaseManager()) {
                MethodContext context = context(name, m);
                SslMethod method = MethodRegistry.get(name).create(context);
                assertThat(method.name()).isEqualTo(name);
                assertThat(method.inputs().stream()
                                .filter(input -> !input.equals(ArrayNames.SOURCE_ID))
                                .toList())
                        .as(name + ": the recipe's arrays (source.id is the learner's, not the recipe's)")
                        .contains(ArrayNames.view(0))
                        .doesNotHaveDuplicates()
                        .hasSize(
                                switch (MethodCatalog.get(name).recipe()) {
                                    case MULTI_CROP -> 8;
                                    case INPAINTING -> 3;
                                    case ROTATION -> 5;
                                    case JIGSAW -> 10;
                                    case MASKED_PATCHES -> 3;
                                    case WAVEFORM -> 1;
                                    default -> 2;
                                });
                assertThat(EncoderArchitectures.fromMap(method.architecture())).isEqualTo(context.encoder());
                assertThat(method.trainableParameters())
                        .allSatisfy(
                                p -> assertThat(p.getValue().requiresGradient()).isTrue());
                Map<String, byte[]> sections = method.saveState();
                Block encoder =
                        EncoderArchitectures.fromMap(method.architecture()).build(m);
                BlockState.load(encoder, m, sections.get(SslMethod.ENCODER_SECTION));
                assertThat(Arrays.equals(BlockState.save(encoder), BlockState.save(method.encoder())))
                        .as(name)
                        .isTrue();
            }
        }
    }

    @Test
    void shouldKeepTargetNetworksOutOfTheOptimizer() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (String name : new String[] {"byol", "moco", "dino"}) {
                LearnerConfig config = config(Map.of(LearnerConfig.METHOD_CONFIG, name));
                SslMethod method = config.methodSpec().create(config.methodContext(m));
                assertThat(method.trainableParameters())
                        .extracting(p -> p.getKey())
                        .noneMatch(k -> k.startsWith("target.")
                                || k.startsWith("key.")
                                || k.startsWith("teacher.")
                                || k.startsWith("encoder.") && name.equals("dino"));
            }
        }
    }

    @Test
    void shouldTakeTheMomentumHorizonFromMaxStepsUnlessSet() {
        assertThat(config(Map.of()).momentumHorizonSteps()).isZero();
        assertThat(config(Map.of(LearnerConfig.MAX_STEPS_CONFIG, 500)).momentumHorizonSteps())
                .isEqualTo(500);
        assertThat(config(Map.of(LearnerConfig.MAX_STEPS_CONFIG, 500, LearnerConfig.MOMENTUM_HORIZON_STEPS_CONFIG, 80))
                        .momentumHorizonSteps())
                .isEqualTo(80);
    }

    @Test
    void shouldRejectAnUnknownMethodAndOutOfRangeKnobs() {
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.METHOD_CONFIG, "no_such_method")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("method");
        assertThatThrownBy(() -> config(Map.of(ByolMethod.MOMENTUM_BASE_CONFIG, 1.5)))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config(Map.of(MocoMethod.QUEUE_SIZE_CONFIG, 0)))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldDecodeThePooledFeaturesByDefaultAndTheMapOnRequest() {
        for (String name : new String[] {InpaintingMethod.NAME, DenoisingAeMethod.NAME}) {
            String setting = name + ".bottleneck";
            try (NDManager m = NDManager.newBaseManager()) {
                LearnerConfig byDefault = config(Map.of(LearnerConfig.METHOD_CONFIG, name));
                assertThat(byDefault
                                .methodSpec()
                                .create(byDefault.methodContext(m))
                                .architecture())
                        .containsEntry(setting, "pooled");
                LearnerConfig map = config(Map.of(LearnerConfig.METHOD_CONFIG, name, setting, "map"));
                assertThat(map.methodSpec().create(map.methodContext(m)).architecture())
                        .containsEntry(setting, "map");
            }
            assertThatThrownBy(() -> config(Map.of(LearnerConfig.METHOD_CONFIG, name, setting, "vector")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(setting);
        }
        assertThat(InpaintingMethod.BOTTLENECK_CONFIG).isEqualTo("inpainting.bottleneck");
        assertThat(DenoisingAeMethod.BOTTLENECK_CONFIG).isEqualTo("denoising_ae.bottleneck");
    }

    @Test
    void shouldFallBackToTheMethodsRecipeForUnsetOptimisationKeys() {
        for (String name : MethodCatalog.names(Modality.IMAGE)) {
            LearnerConfig config = config(Map.of(LearnerConfig.METHOD_CONFIG, name));
            Recipe recipe = MethodRegistry.get(name).recipe();
            assertThat(config.optimizer()).as(name).isEqualTo(recipe.optimizer());
            assertThat(config.learningRate()).as(name).isEqualTo(recipe.learningRate());
            assertThat(config.weightDecay()).as(name).isEqualTo(recipe.weightDecay());
            assertThat(config.projectionHidden()).as(name).isEqualTo(recipe.projectionHidden());
            assertThat(config.projectionDim()).as(name).isEqualTo(recipe.projectionDim());
        }
        assertThat(MethodRegistry.get("byol").recipe().projectionHidden())
                .isGreaterThan(MethodRegistry.get("simclr").recipe().projectionHidden());
        LearnerConfig explicit = config(Map.of(
                LearnerConfig.METHOD_CONFIG,
                "simsiam",
                LearnerConfig.OPTIMIZER_CONFIG,
                "adamw",
                LearnerConfig.LEARNING_RATE_CONFIG,
                0.003,
                LearnerConfig.WEIGHT_DECAY_CONFIG,
                0.0,
                LearnerConfig.PROJECTION_HIDDEN_CONFIG,
                64,
                LearnerConfig.PROJECTION_DIM_CONFIG,
                32));
        assertThat(explicit.optimizer()).isEqualTo("adamw");
        assertThat(explicit.learningRate()).isEqualTo(0.003);
        assertThat(explicit.weightDecay()).isZero();
        assertThat(explicit.projectionHidden()).isEqualTo(64);
        assertThat(explicit.projectionDim()).isEqualTo(32);
    }

    @Test
    void shouldRejectAnUnknownOptimizerAndANegativeLearningRate() {
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.OPTIMIZER_CONFIG, "lars")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("optimizer");
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.LEARNING_RATE_CONFIG, -0.1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("learning.rate");
    }

    @Test
    void shouldHaveOneSpecPerCatalogueEntryInCatalogueOrder() {
        assertThat(MethodRegistry.all()).extracting(MethodSpec::name).containsExactlyElementsOf(MethodCatalog.names());
        assertThat(MethodRegistry.all())
                .extracting(MethodSpec::entry)
                .extracting(MethodEntry::name)
                .containsExactlyElementsOf(MethodCatalog.names());
        assertThat(MethodRegistry.names(Modality.IMAGE))
                .containsExactlyElementsOf(MethodCatalog.names().stream()
                        .filter(n -> !n.equals(CpcMethod.NAME) && !n.equals(Wav2Vec2Method.NAME))
                        .toList());
        assertThat(MethodRegistry.names(Modality.AUDIO))
                .containsExactly(
                        SimClrMethod.NAME, ByolMethod.NAME, MaeMethod.NAME, CpcMethod.NAME, Wav2Vec2Method.NAME);
        assertThat(MethodCatalog.get(CpcMethod.NAME).recipe()).isEqualTo(ExampleRecipe.WAVEFORM);
        assertThat(MethodCatalog.get(Wav2Vec2Method.NAME).recipe()).isEqualTo(ExampleRecipe.WAVEFORM);
        assertThatThrownBy(() -> MethodRegistry.get("no_such_method")).hasMessageContaining("simclr");
    }

    @Test
    void shouldPrefixEveryMethodsOwnSettingsWithItsName() {
        for (MethodSpec spec : MethodRegistry.all()) {
            org.apache.kafka.common.config.ConfigDef own =
                    spec.settings().apply(new org.apache.kafka.common.config.ConfigDef());
            String prefix = spec.name().equals("barlow_twins") ? "barlow." : spec.name() + ".";
            assertThat(own.names())
                    .as(spec.name())
                    .allSatisfy(key -> assertThat(key).startsWith(prefix));
            assertThat(LearnerConfig.configDef().names()).containsAll(own.names());
        }
    }

    @Test
    void shouldRefuseAMethodForAModalityItDoesNotLearnFrom() {
        assertThat(MethodCatalog.get("simclr").supports(Modality.IMAGE)).isTrue();
        assertThat(config(Map.of(LearnerConfig.MODALITY_CONFIG, "audio")).method())
                .as("simclr learns from audio too")
                .isEqualTo("simclr");
        assertThatThrownBy(() ->
                        config(Map.of(LearnerConfig.MODALITY_CONFIG, "audio", LearnerConfig.METHOD_CONFIG, "rotnet")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not learn from audio");
        assertThatThrownBy(() -> config(Map.of(LearnerConfig.METHOD_CONFIG, CpcMethod.NAME)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not learn from image");
    }
}
