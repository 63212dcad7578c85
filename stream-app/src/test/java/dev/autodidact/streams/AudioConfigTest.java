package dev.autodidact.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.audio.LogMelSpec;
import dev.autodidact.media.audio.augment.SpecAugment;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import dev.autodidact.media.audio.views.AudioMaskedSpectrogramRecipe;
import dev.autodidact.media.audio.views.AudioTwoViewsRecipe;
import dev.autodidact.media.audio.views.AudioWaveformRecipe;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.method.MethodCatalog;
import dev.autodidact.streams.internal.AudioKeys;
import dev.autodidact.streams.internal.AudioViewRecipes;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The audio settings: defaults that are the media recipes' own, and every invalid combination refused at start-up. */
class AudioConfigTest {
    @Test
    void shouldDefaultToTheMediaRecipesAndTheContractsCanonicalClip() {
        StreamAppConfig config = AudioTopologyTest.config(Map.of());

        assertThat(config.modality()).isEqualTo(Modality.AUDIO);
        assertThat(config.audioCanonicalizer().sampleRate()).isEqualTo(16_000);
        assertThat(config.audioCanonicalizer().clipSamples()).isEqualTo(16_000);
        assertThat(config.audioCanonicalizer().decoder()).isNotNull();
        assertThat(AudioViewRecipes.forMethod("simclr", config)).isEqualTo(AudioTwoViewsRecipe.defaults());
        assertThat(AudioViewRecipes.forMethod("byol", config)).isEqualTo(AudioTwoViewsRecipe.defaults());
        assertThat(AudioViewRecipes.forMethod("mae", config)).isEqualTo(AudioMaskedSpectrogramRecipe.defaults());
        assertThat(config.audioMixClips()).isEqualTo(AudioKeys.MIX_CLIPS_DEFAULT);
        assertThat(new StreamAppConfig(Map.of("bootstrap.servers", "localhost:9092")).modality())
                .isEqualTo(Modality.IMAGE);
    }

    @Test
    void shouldHonourEveryRecipeKnob() {
        StreamAppConfig config = AudioTopologyTest.config(Map.ofEntries(
                Map.entry("methods", "simclr,mae"),
                Map.entry("audio.sample.rate", "8000"),
                Map.entry("audio.crop.seconds", "0.5"),
                Map.entry("audio.masked.crop.seconds", "0.9"),
                Map.entry("audio.mels", "32"),
                Map.entry("audio.n_fft", "200"),
                Map.entry("audio.hop", "80"),
                Map.entry("audio.gain.db.min", "-3"),
                Map.entry("audio.gain.db.max", "1"),
                Map.entry("audio.snr.db.min", "15"),
                Map.entry("audio.snr.db.max", "30"),
                Map.entry("audio.shift", "0.2"),
                Map.entry("audio.mix", "0.4"),
                Map.entry("audio.time.masks", "1"),
                Map.entry("audio.time.width", "5"),
                Map.entry("audio.freq.masks", "3"),
                Map.entry("audio.freq.width", "4"),
                Map.entry("mae.patch.size", "4"),
                Map.entry("mae.mask.ratio", "0.5")));

        assertThat(AudioViewRecipes.forMethod("simclr", config))
                .isEqualTo(new AudioTwoViewsRecipe(
                        8_000,
                        0.5,
                        LogMelSpec.of(8_000, 200, 80, 32),
                        WaveformAugmentation.of(-3, 1, 15, 30, 0.2, 0.4),
                        new SpecAugment(1, 5, 3, 4)));
        assertThat(AudioViewRecipes.forMethod("mae", config))
                .isEqualTo(new AudioMaskedSpectrogramRecipe(
                        8_000,
                        0.9,
                        LogMelSpec.of(8_000, 200, 80, 32),
                        AudioMaskedSpectrogramRecipe.defaults().augmentation(),
                        4,
                        0.5));
        assertThat(AudioKeys.recipe(dev.autodidact.schema.method.ExampleRecipe.WAVEFORM, config))
                .isEqualTo(new AudioWaveformRecipe(8_000, 1.0, WaveformAugmentation.of(-3, 1, 15, 30, 0.2, 0.4)));
        assertThat(config.audioCanonicalizer().clipSamples()).isEqualTo(8_000);
    }

    @Test
    void shouldRefuseAMethodThatDoesNotLearnFromAudioNamingTheAudioMethods() {
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("methods", "simclr,dino")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("methods")
                .hasMessageContaining("'dino' does not learn from audio")
                .hasMessageContaining(MethodCatalog.names(Modality.AUDIO).toString());
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("methods", "no_such_method")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no_such_method")
                .hasMessageContaining(MethodCatalog.names(Modality.AUDIO).toString())
                .hasMessageContaining(MethodCatalog.names(Modality.IMAGE).toString());
    }

    @Test
    void shouldRefuseAModalityWithoutATopology() {
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("modality", "text")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("modality");
        assertThat(AudioTopologyTest.config(Map.of("modality", "AUDIO")).modality())
                .isEqualTo(Modality.AUDIO);
    }

    @Test
    void shouldRefuseRecipesWhoseKnobsDoNotFitTogetherNamingTheSettings() {
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("audio.crop.seconds", "0.01")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("two-views")
                .hasMessageContaining("audio.crop.seconds")
                .hasMessageContaining("shorter than one log-mel frame");
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("methods", "mae", "mae.patch.size", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mae.patch.size")
                .hasMessageContaining("must divide the number of mel bands 64");
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("audio.gain.db.min", "3", "audio.gain.db.max", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gain");
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("audio.mix", "NaN")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("audio.mix");
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("audio.mels", "300")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("audio.mels");
    }

    @Test
    void shouldRefuseAClipOrExampleLargerThanARecord() {
        assertThatThrownBy(() ->
                        AudioTopologyTest.config(Map.of("audio.sample.rate", "384000", "audio.clip.seconds", "30")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("A clean audio record")
                .hasMessageContaining("more than a record may carry");
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of(
                        "audio.sample.rate",
                        "96000",
                        "audio.clip.seconds",
                        "20",
                        "audio.crop.seconds",
                        "20",
                        "audio.mels",
                        "256")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("An audio example for simclr");
    }

    @Test
    void shouldRefuseAnUnknownAudioSetting() {
        assertThatThrownBy(() -> AudioTopologyTest.config(Map.of("audio.mel", "32")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("audio.mel")
                .hasMessageContaining("audio.mels");
    }

    @Test
    void shouldListTheAudioSettingsForThePipelineToForward() {
        assertThat(StreamAppConfig.audioSettings())
                .contains("audio.sample.rate", "audio.clip.seconds", "audio.mels", "audio.n_fft", "audio.hop")
                .allSatisfy(key -> assertThat(key).startsWith(AudioKeys.PREFIX));
        assertThat(StreamAppConfig.configDef().names()).containsAll(StreamAppConfig.audioSettings());
    }
}
