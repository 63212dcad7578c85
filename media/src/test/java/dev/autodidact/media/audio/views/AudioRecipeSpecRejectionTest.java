package dev.autodidact.media.audio.views;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.audio.LogMelSpec;
import dev.autodidact.media.audio.augment.SpecAugment;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Specs are input: each malformed or over-cap spec fails with an IllegalArgumentException saying what is wrong. */
class AudioRecipeSpecRejectionTest {
    private static final String TWO_VIEWS = AudioTwoViewsRecipe.defaults().spec();
    private static final String MASKED = AudioMaskedSpectrogramRecipe.defaults().spec();
    private static final String WAVEFORM = AudioWaveformRecipe.defaults().spec();

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad("another version", TWO_VIEWS.replace("v1;", "v2;"), "version 'v2'"),
                bad("no kind", "v1", "Unknown audio recipe kind ''"),
                bad("an image kind", "v1;two-views;views=2", "Unknown audio recipe kind 'two-views'"),
                bad("an unknown key", WAVEFORM + ";speed=2", "Unknown key 'speed'"),
                bad("a missing key", WAVEFORM.replace(";mix=0.0", ""), "lacks 'mix'"),
                bad("a repeated key", WAVEFORM + ";mix=0.0", "'mix' appears twice"),
                bad("a field without '='", WAVEFORM + ";mix", "not key=value"),
                bad("a malformed number", WAVEFORM.replace("shift=0.1", "shift=0,1"), "'shift' takes 1 number"),
                bad("NaN", WAVEFORM.replace("shift=0.1", "shift=NaN"), "decimal numbers"),
                bad("one number of a pair", WAVEFORM.replace("gain.db=-6.0,6.0", "gain.db=6.0"), "'gain.db' takes 2"),
                bad("a rate over the cap", WAVEFORM.replace("rate=16000", "rate=1000000"), "'rate' must be in"),
                bad("a rate under the cap", WAVEFORM.replace("rate=16000", "rate=999"), "'rate' must be in"),
                bad("a negative rate", WAVEFORM.replace("rate=16000", "rate=-16000"), "whole number"),
                bad("a crop over 30 s", WAVEFORM.replace("crop.seconds=0.75", "crop.seconds=31.0"), "crop must be in"),
                bad("an empty crop", WAVEFORM.replace("crop.seconds=0.75", "crop.seconds=0.0"), "crop must be in"),
                bad(
                        "a waveform over the element cap",
                        WAVEFORM.replace("rate=16000", "rate=384000").replace("crop.seconds=0.75", "crop.seconds=30.0"),
                        "elements, more than"),
                bad("n_fft over 8192", TWO_VIEWS.replace("n_fft=400", "n_fft=16384"), "'n_fft' must be in"),
                bad("mels over 256", TWO_VIEWS.replace("mels=64", "mels=512"), "'mels' must be in"),
                bad("a hop of 0", TWO_VIEWS.replace("hop=160", "hop=0"), "'hop' must be in"),
                bad(
                        "a crop shorter than a frame",
                        TWO_VIEWS.replace("crop.seconds=0.75", "crop.seconds=0.01"),
                        "shorter than one log-mel frame"),
                bad(
                        "a spectrogram over the element cap",
                        TWO_VIEWS.replace("hop=160", "hop=1").replace("crop.seconds=0.75", "crop.seconds=30.0"),
                        "elements, more than"),
                bad("17 time masks", TWO_VIEWS.replace("time.masks=2", "time.masks=17"), "'time.masks' must be in"),
                bad("a mask 2000 wide", TWO_VIEWS.replace("freq.width=8", "freq.width=2000"), "'freq.width'"),
                bad("a gain range upside down", TWO_VIEWS.replace("gain.db=-6.0,6.0", "gain.db=6.0,-6.0"), "gain"),
                bad("a shift over 1", TWO_VIEWS.replace("shift=0.1", "shift=1.5"), "time shift"),
                bad("a mix over 1", TWO_VIEWS.replace("mix=0.0", "mix=2.0"), "mixing weight"),
                bad("a patch not dividing mels", MASKED.replace("patch.size=8", "patch.size=7"), "must divide"),
                bad("a patch over the cap", MASKED.replace("patch.size=8", "patch.size=128"), "'patch.size'"),
                bad("a mask ratio of 1", MASKED.replace("mask.ratio=0.75", "mask.ratio=1.0"), "mask ratio"),
                bad(
                        "fewer frames than a patch",
                        MASKED.replace("crop.seconds=1.0", "crop.seconds=0.05"),
                        "fewer than one patch"),
                bad("a spec over 1024 characters", WAVEFORM + ";" + "x".repeat(1_100), "more than 1024"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void shouldRejectSpecWithClearMessage(String what, String spec, String message) {
        assertThatThrownBy(() -> AudioRecipes.parse(spec))
                .as(what)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRejectFeaturesTheSpecCannotWrite() {
        LogMelSpec narrowBand = new LogMelSpec(16_000, 400, 160, 64, 50.0, 7_000.0, 1e-10);
        LogMelSpec otherRate = LogMelSpec.defaults(8_000);
        WaveformAugmentation augmentation = WaveformAugmentation.of(0, 0, 30, 30, 0, 0);

        assertThatThrownBy(() -> new AudioTwoViewsRecipe(16_000, 0.75, narrowBand, augmentation, SpecAugment.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole band");
        assertThatThrownBy(() -> new AudioMaskedSpectrogramRecipe(16_000, 1.0, otherRate, augmentation, 8, 0.75))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at the recipe's rate 16000 Hz");
    }

    private static Arguments bad(String what, String spec, String message) {
        return Arguments.of(what, spec, message);
    }
}
