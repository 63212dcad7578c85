package dev.autodidact.media.audio.views;

import static dev.autodidact.media.testing.TestWavs.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.audio.LogMelSpec;
import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.audio.augment.SpecAugment;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.media.image.views.RecipeArray.ElementType;
import dev.autodidact.media.image.views.RecipeArray.Layout;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AudioRecipesTest {
    private static final PcmClip CLIP = clip(1_000, 0.5);
    private static final PcmClip OTHER = clip(3_100, 0.2);

    /** One second at {@code rate}, the first quarter silent. */
    private static PcmClip clip(double hz, double amplitude, int rate) {
        float[] samples = tone(hz, rate, rate, amplitude);
        for (int i = 0; i < rate / 4; i++) {
            samples[i] = 0;
        }
        return new PcmClip(samples, rate);
    }

    private static PcmClip clip(double hz, double amplitude) {
        return clip(hz, amplitude, 16_000);
    }

    private static PcmClip clipFor(AudioRecipe recipe) {
        return clip(1_000, 0.5, recipe.sampleRate());
    }

    private static Optional<PcmClip> otherFor(AudioRecipe recipe) {
        return Optional.of(clip(3_100 * recipe.sampleRate() / 16_000.0, 0.2, recipe.sampleRate()));
    }

    static Stream<AudioRecipe> recipes() {
        return Stream.of(
                AudioTwoViewsRecipe.defaults(),
                AudioMaskedSpectrogramRecipe.defaults(),
                AudioWaveformRecipe.defaults(),
                new AudioTwoViewsRecipe(
                        8_000,
                        0.5,
                        LogMelSpec.of(8_000, 256, 80, 40),
                        WaveformAugmentation.of(-3.5, 2.25, 5.0, 30.0, 0.05, 0.4),
                        new SpecAugment(1, 5, 3, 4)),
                new AudioMaskedSpectrogramRecipe(
                        16_000,
                        0.6,
                        LogMelSpec.of(16_000, 512, 128, 32),
                        WaveformAugmentation.of(0.0, 0.0, 120.0, 120.0, 0.0, 0.3),
                        4,
                        0.5),
                new AudioWaveformRecipe(16_000, 0.3, WaveformAugmentation.of(-1.0, 1.0, 15.0, 15.0, 0.2, 1.0)));
    }

    @Test
    void shouldWriteTheDocumentedDefaultSpecs() {
        assertThat(AudioTwoViewsRecipe.defaults().spec())
                .isEqualTo("v1;audio-two-views;rate=16000;crop.seconds=0.75;n_fft=400;hop=160;mels=64;gain.db=-6.0,6.0;"
                        + "snr.db=10.0,40.0;shift=0.1;mix=0.0;time.masks=2;time.width=10;freq.masks=2;freq.width=8");
        assertThat(AudioMaskedSpectrogramRecipe.defaults().spec())
                .isEqualTo("v1;audio-masked-spectrogram;rate=16000;crop.seconds=1.0;n_fft=400;hop=160;mels=64;"
                        + "gain.db=-3.0,3.0;snr.db=20.0,40.0;shift=0.0;mix=0.0;patch.size=8;mask.ratio=0.75");
        assertThat(AudioWaveformRecipe.defaults().spec())
                .isEqualTo("v1;audio-waveform;rate=16000;crop.seconds=0.75;gain.db=-6.0,6.0;snr.db=10.0,40.0;"
                        + "shift=0.1;mix=0.0");
        assertThat(AudioRecipes.kinds())
                .containsExactly("audio-two-views", "audio-masked-spectrogram", "audio-waveform");
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void shouldParseItsOwnSpecBackToAnEqualRecipe(AudioRecipe recipe) {
        AudioRecipe parsed = AudioRecipes.parse(recipe.spec());

        assertThat(parsed).isEqualTo(recipe);
        assertThat(parsed.spec()).isEqualTo(recipe.spec());
        assertThat(parsed.draw(clipFor(recipe), otherFor(recipe), new SplittableRandom(9)))
                .isEqualTo(recipe.draw(clipFor(recipe), otherFor(recipe), new SplittableRandom(9)));
    }

    @Test
    void shouldParseFieldsInAnyOrder() {
        String reordered = "v1;audio-waveform;mix=0.0;shift=0.1;snr.db=10.0,40.0;gain.db=-6.0,6.0;crop.seconds=0.75;"
                + "rate=16000";

        assertThat(AudioRecipes.parse(reordered)).isEqualTo(AudioWaveformRecipe.defaults());
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void shouldReproduceTheDrawFromASeedAndVaryWithTheSeed(AudioRecipe recipe) {
        AudioDraw first = recipe.draw(clipFor(recipe), otherFor(recipe), new SplittableRandom(1));
        AudioDraw again = recipe.draw(clipFor(recipe), otherFor(recipe), new SplittableRandom(1));
        AudioDraw other = recipe.draw(clipFor(recipe), otherFor(recipe), new SplittableRandom(2));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void shouldDrawExactlyTheAnnouncedLayouts(AudioRecipe recipe) {
        AudioDraw draw = recipe.draw(clipFor(recipe), Optional.empty(), new SplittableRandom(3));

        assertThat(draw.arrays().stream().map(RecipeArray::layout).toList()).isEqualTo(recipe.arrayLayouts());
        assertThat(draw.views()).isNotEmpty();
        for (int v = 0; v < draw.views().size(); v++) {
            assertThat(draw.views().get(v).name()).isEqualTo("view." + v);
            assertThat(draw.views().get(v).type()).isEqualTo(ElementType.F32);
            for (float x : draw.views().get(v).floats()) {
                assertThat(x).isFinite();
            }
        }
    }

    @Test
    void shouldAnnounceTheShapesOfTheDefaults() {
        assertThat(AudioTwoViewsRecipe.defaults().arrayLayouts())
                .containsExactly(
                        new Layout("view.0", ElementType.F32, List.of(1, 64, 73)),
                        new Layout("view.1", ElementType.F32, List.of(1, 64, 73)));
        assertThat(AudioMaskedSpectrogramRecipe.defaults().arrayLayouts())
                .containsExactly(
                        new Layout("view.0", ElementType.F32, List.of(1, 64, 96)),
                        new Layout("mask", ElementType.U8, List.of(96)),
                        new Layout("mask.index", ElementType.I32, List.of(96)));
        assertThat(AudioWaveformRecipe.defaults().arrayLayouts())
                .containsExactly(new Layout("view.0", ElementType.F32, List.of(12_000)));
    }

    @Test
    void shouldDrawTwoDifferentViewsOfTheSameClip() {
        AudioDraw draw = AudioTwoViewsRecipe.defaults().draw(CLIP, Optional.empty(), new SplittableRandom(4));

        assertThat(draw.views()).hasSize(2);
        assertThat(draw.views().get(0).floats())
                .isNotEqualTo(draw.views().get(1).floats());
    }

    @ParameterizedTest
    @MethodSource("maskedRecipes")
    void shouldMaskTheAnnouncedShareOfPatchesAndListVisibleOnesFirst(AudioMaskedSpectrogramRecipe recipe) {
        for (long seed = 0; seed < 10; seed++) {
            AudioDraw draw = recipe.draw(clipFor(recipe), Optional.empty(), new SplittableRandom(seed));

            byte[] mask = draw.array(RecipeArray.MASK).orElseThrow().bytes();
            int[] index = draw.array(RecipeArray.MASK_INDEX).orElseThrow().ints();
            int p = recipe.patches();
            int visible = recipe.visiblePatches();
            assertThat(mask).hasSize(p);
            assertThat(IntStream.range(0, p).filter(i -> mask[i] == 0).count()).isEqualTo(visible);
            assertThat(Arrays.stream(index).sorted().toArray())
                    .isEqualTo(IntStream.range(0, p).toArray());
            int[] shown = Arrays.copyOfRange(index, 0, visible);
            int[] hidden = Arrays.copyOfRange(index, visible, p);
            assertThat(shown).isSorted();
            assertThat(hidden).isSorted();
            for (int i : shown) {
                assertThat(mask[i]).isZero();
            }
            for (int i : hidden) {
                assertThat(mask[i]).isEqualTo((byte) 1);
            }
        }
    }

    static Stream<AudioMaskedSpectrogramRecipe> maskedRecipes() {
        return recipes()
                .filter(AudioMaskedSpectrogramRecipe.class::isInstance)
                .map(AudioMaskedSpectrogramRecipe.class::cast);
    }

    @Test
    void shouldCountPatchesOfTheDefaultMaskedRecipe() {
        AudioMaskedSpectrogramRecipe recipe = AudioMaskedSpectrogramRecipe.defaults();

        assertThat(recipe.frames()).isEqualTo(96);
        assertThat(recipe.patches()).isEqualTo(96);
        assertThat(recipe.visiblePatches()).isEqualTo(24);
    }

    @Test
    void shouldMixTheOtherClipOnlyWhenMixingIsOn() {
        AudioRecipe mixing = AudioRecipes.parse("v1;audio-waveform;rate=16000;crop.seconds=0.75;gain.db=0.0,0.0;"
                + "snr.db=120.0,120.0;shift=0.0;mix=0.5");
        AudioRecipe plain = AudioWaveformRecipe.defaults();

        assertThat(mixing.mixesOtherClip()).isTrue();
        assertThat(plain.mixesOtherClip()).isFalse();
        assertThat(mixing.draw(CLIP, Optional.of(OTHER), new SplittableRandom(5)))
                .isNotEqualTo(mixing.draw(CLIP, Optional.empty(), new SplittableRandom(5)));
        assertThat(plain.draw(CLIP, Optional.of(OTHER), new SplittableRandom(5)))
                .isEqualTo(plain.draw(CLIP, Optional.empty(), new SplittableRandom(5)));
    }

    @Test
    void shouldNotModifyTheClip() {
        PcmClip copy = new PcmClip(CLIP.samples(), CLIP.sampleRate());

        recipes()
                .filter(recipe -> recipe.sampleRate() == 16_000)
                .forEach(recipe -> recipe.draw(CLIP, Optional.of(OTHER), new SplittableRandom(6)));

        assertThat(CLIP).isEqualTo(copy);
    }

    @Test
    void shouldRejectClipsAtAnotherRate() {
        PcmClip at8k = new PcmClip(new float[8_000], 8_000);

        assertThatThrownBy(() -> AudioTwoViewsRecipe.defaults().draw(at8k, Optional.empty(), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes clips at 16000 Hz, got one at 8000 Hz");
        AudioRecipe mixing = new AudioWaveformRecipe(16_000, 0.5, WaveformAugmentation.of(0, 0, 30, 30, 0, 0.5));
        assertThatThrownBy(() -> mixing.draw(CLIP, Optional.of(at8k), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8000 Hz");
    }

    @Test
    void shouldPadAClipShorterThanTheCrop() {
        PcmClip shortClip = new PcmClip(tone(500, 16_000, 3_000, 0.5), 16_000);

        AudioDraw draw = AudioWaveformRecipe.defaults().draw(shortClip, Optional.empty(), new SplittableRandom(1));

        assertThat(draw.views().get(0).shape()).containsExactly(12_000);
    }
}
