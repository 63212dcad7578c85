package dev.autodidact.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.schema.Modality;
import dev.autodidact.streams.StreamAppConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stream-app settings {@link Pipeline} derives from the learner's: the modality that picks the topology, the
 * method, and the recipe settings both services read, so that {@code pretrain --modality audio} runs the audio
 * topology with the learner's clip and log-mel settings.
 */
class PipelineStreamSettingsTest {
    @Test
    void shouldRunTheAudioTopologyWithTheLearnersAudioSettings() {
        Map<String, Object> learner =
                Map.of("audio.mels", 32, "audio.sample.rate", 8000, "mae.mask.ratio", 0.5, "lr", 0.1, "method", "mae");
        Map<String, Object> base = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092", "audio.hop", 80));

        Map<String, Object> settings = Pipeline.streamSettings(Modality.AUDIO, "mae", learner, base);

        assertThat(settings)
                .containsEntry(StreamAppConfig.MODALITY_CONFIG, "audio")
                .containsEntry(StreamAppConfig.METHODS_CONFIG, "mae")
                .containsEntry("audio.mels", 32)
                .containsEntry("audio.sample.rate", 8000)
                .containsEntry("audio.hop", 80)
                .containsEntry("mae.mask.ratio", 0.5)
                .doesNotContainKey("lr");
        assertThat(base).doesNotContainKey(StreamAppConfig.MODALITY_CONFIG);
        StreamAppConfig config = new StreamAppConfig(settings);
        assertThat(config.modality()).isEqualTo(Modality.AUDIO);
        assertThat(config.methods()).containsExactly("mae");
        assertThat(config.audioCanonicalizer().sampleRate()).isEqualTo(8000);
    }

    @Test
    void shouldKeepAnExplicitStreamSettingOverTheLearners() {
        Map<String, Object> settings = Pipeline.streamSettings(
                Modality.IMAGE, "simclr", Map.of("dino.local.crops", 2), Map.of("dino.local.crops", 4));

        assertThat(settings)
                .containsEntry(StreamAppConfig.MODALITY_CONFIG, "image")
                .containsEntry("dino.local.crops", 4);
    }
}
