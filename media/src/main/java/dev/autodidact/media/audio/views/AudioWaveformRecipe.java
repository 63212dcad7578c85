package dev.autodidact.media.audio.views;

import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Raw-waveform examples for the predictive-coding methods, CPC (van den Oord et al., 2018) and wav2vec 2.0 (Baevski
 * et al., NeurIPS 2020): one random crop of the clip, augmented on the waveform (gain, noise, time shift, optionally
 * mixed with another clip), as {@code view.0} F32 {@code [T]}, {@code T = round(rate * crop.seconds)}. No
 * spectrogram: these methods learn their own front end, a strided convolution over the samples; what they predict
 * (future latent frames, masked spans) comes from the view itself.
 *
 * <p>Spec: {@code v1;audio-waveform;rate=16000;crop.seconds=0.75;gain.db=-6.0,6.0;snr.db=10.0,40.0;shift=0.1;mix=0.0}
 * (the {@link #defaults()}).
 *
 * @param sampleRate the rate of the clips
 * @param cropSeconds the length of the crop
 * @param augmentation the waveform augmentation
 */
public record AudioWaveformRecipe(int sampleRate, double cropSeconds, WaveformAugmentation augmentation)
        implements AudioRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id. */
    public static final String KIND = "audio-waveform";

    /** Checks every knob against the caps of a spec. */
    public AudioWaveformRecipe {
        Objects.requireNonNull(augmentation, "augmentation");
        int crop = AudioSpecs.checkClip(KIND, sampleRate, cropSeconds);
        AudioSpecs.checkElements(KIND, "view", crop);
        AudioSpecs.checkSpecLength(spec(sampleRate, cropSeconds, augmentation));
    }

    /** @return the recipe of the spec above: 0.75 s crops at 16 kHz */
    public static AudioWaveformRecipe defaults() {
        return new AudioWaveformRecipe(16_000, 0.75, WaveformAugmentation.of(-6.0, 6.0, 10.0, 40.0, 0.1, 0.0));
    }

    /** @return samples per crop, the view's length */
    public int cropSamples() {
        return AudioSpecs.checkClip(KIND, sampleRate, cropSeconds);
    }

    @Override
    public boolean mixesOtherClip() {
        return AudioSpecs.mixes(augmentation);
    }

    @Override
    public AudioDraw draw(PcmClip clip, Optional<PcmClip> other, RandomGenerator rng) {
        AudioSpecs.checkRate(KIND, sampleRate, clip);
        Optional<float[]> otherSamples = AudioSpecs.otherSamples(KIND, sampleRate, augmentation, other);
        int crop = cropSamples();
        float[] wave = AudioSpecs.augmentedCrop(clip.samples(), otherSamples, crop, augmentation, rng);
        return new AudioDraw(List.of(RecipeArray.f32(AudioDraw.viewName(0), wave, crop)));
    }

    @Override
    public List<RecipeArray.Layout> arrayLayouts() {
        return List.of(
                new RecipeArray.Layout(AudioDraw.viewName(0), RecipeArray.ElementType.F32, List.of(cropSamples())));
    }

    @Override
    public String spec() {
        return spec(sampleRate, cropSeconds, augmentation);
    }

    private static String spec(int sampleRate, double cropSeconds, WaveformAugmentation augmentation) {
        StringBuilder out = AudioSpecs.start(KIND);
        AudioSpecs.writeClip(out, sampleRate, cropSeconds);
        AudioSpecs.writeAugmentation(out, augmentation);
        return out.toString();
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return AudioRecipes.concat(AudioSpecs.CLIP_KEYS, AudioSpecs.AUGMENTATION_KEYS);
    }

    /** Reads the fields after {@code v1;audio-waveform}. */
    static AudioWaveformRecipe read(SpecFields fields) {
        return new AudioWaveformRecipe(
                AudioSpecs.readRate(fields), AudioSpecs.readCropSeconds(fields), AudioSpecs.readAugmentation(fields));
    }
}
