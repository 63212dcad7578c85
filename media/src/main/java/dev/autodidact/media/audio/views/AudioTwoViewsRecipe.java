package dev.autodidact.media.audio.views;

import dev.autodidact.media.audio.LogMel;
import dev.autodidact.media.audio.LogMelSpec;
import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.audio.augment.SpecAugment;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Two-view examples of audio for SimCLR and BYOL, as COLA (Saeed et al., ICASSP 2021) and BYOL-A (Niizumi et al.,
 * IJCNN 2021) make them: two independent random crops of one clip, each augmented on the waveform (gain, noise, time
 * shift, optionally mixed with another clip) and turned into a log-mel spectrogram that is then time- and
 * frequency-masked. {@code view.0} and {@code view.1} are F32 {@code [1, mels, frames]} with
 * {@code frames = 1 + (crop - n_fft) / hop}: one channel, like a grayscale image, so image-style encoders take them.
 *
 * <p>Spec: {@code v1;audio-two-views;rate=16000;crop.seconds=0.75;n_fft=400;hop=160;mels=64;gain.db=-6.0,6.0;
 * snr.db=10.0,40.0;shift=0.1;mix=0.0;time.masks=2;time.width=10;freq.masks=2;freq.width=8} (one line; these are the
 * {@link #defaults()}).
 *
 * @param sampleRate the rate of the clips, in {@code [AudioRecipes.MIN_SAMPLE_RATE, AudioRecipes.MAX_SAMPLE_RATE]}
 * @param cropSeconds the length of each view's crop, in {@code (0, AudioRecipes.MAX_CROP_SECONDS]}, at least one frame
 * @param features the log-mel parameters, at {@code sampleRate} over the whole band ({@link LogMelSpec#of})
 * @param augmentation the waveform augmentation of each view
 * @param masking the spectrogram masking of each view
 */
public record AudioTwoViewsRecipe(
        int sampleRate, double cropSeconds, LogMelSpec features, WaveformAugmentation augmentation, SpecAugment masking)
        implements AudioRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id. */
    public static final String KIND = "audio-two-views";
    /** Views per example. */
    public static final int VIEWS = 2;

    /** Checks every knob against the caps of a spec. */
    public AudioTwoViewsRecipe {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(masking, "masking");
        int crop = AudioSpecs.checkClip(KIND, sampleRate, cropSeconds);
        int frames = AudioSpecs.checkFeatures(KIND, features, sampleRate, crop);
        AudioSpecs.checkElements(KIND, "view", (long) features.nMels() * frames);
        AudioSpecs.checkSpecLength(spec(sampleRate, cropSeconds, features, augmentation, masking));
    }

    /** @return the recipe of the spec above: 0.75 s crops at 16 kHz, 64 mel bands */
    public static AudioTwoViewsRecipe defaults() {
        return new AudioTwoViewsRecipe(
                16_000,
                0.75,
                LogMelSpec.defaults(16_000),
                WaveformAugmentation.of(-6.0, 6.0, 10.0, 40.0, 0.1, 0.0),
                new SpecAugment(2, 10, 2, 8));
    }

    /** @return samples per crop */
    public int cropSamples() {
        return AudioSpecs.checkClip(KIND, sampleRate, cropSeconds);
    }

    /** @return frames per view */
    public int frames() {
        return features.frames(cropSamples());
    }

    @Override
    public boolean mixesOtherClip() {
        return AudioSpecs.mixes(augmentation);
    }

    @Override
    public AudioDraw draw(PcmClip clip, Optional<PcmClip> other, RandomGenerator rng) {
        AudioSpecs.checkRate(KIND, sampleRate, clip);
        float[] samples = clip.samples();
        Optional<float[]> otherSamples = AudioSpecs.otherSamples(KIND, sampleRate, augmentation, other);
        LogMel logMel = AudioSpecs.logMel(features);
        int crop = cropSamples();
        List<RecipeArray> views = new ArrayList<>(VIEWS);
        for (int v = 0; v < VIEWS; v++) {
            float[] wave = AudioSpecs.augmentedCrop(samples, otherSamples, crop, augmentation, rng);
            float[][] spectrogram = masking.apply(logMel.apply(wave), rng);
            views.add(RecipeArray.f32(
                    AudioDraw.viewName(v), LogMel.flatten(spectrogram), 1, features.nMels(), spectrogram[0].length));
        }
        return new AudioDraw(views);
    }

    @Override
    public List<RecipeArray.Layout> arrayLayouts() {
        List<RecipeArray.Layout> layouts = new ArrayList<>(VIEWS);
        for (int v = 0; v < VIEWS; v++) {
            layouts.add(new RecipeArray.Layout(
                    AudioDraw.viewName(v), RecipeArray.ElementType.F32, List.of(1, features.nMels(), frames())));
        }
        return Collections.unmodifiableList(layouts);
    }

    @Override
    public String spec() {
        return spec(sampleRate, cropSeconds, features, augmentation, masking);
    }

    private static String spec(
            int sampleRate,
            double cropSeconds,
            LogMelSpec features,
            WaveformAugmentation augmentation,
            SpecAugment masking) {
        StringBuilder out = AudioSpecs.start(KIND);
        AudioSpecs.writeClip(out, sampleRate, cropSeconds);
        AudioSpecs.writeFeatures(out, features);
        AudioSpecs.writeAugmentation(out, augmentation);
        AudioSpecs.writeMasking(out, masking);
        return out.toString();
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return AudioRecipes.concat(
                AudioSpecs.CLIP_KEYS, AudioSpecs.FEATURE_KEYS, AudioSpecs.AUGMENTATION_KEYS, AudioSpecs.MASKING_KEYS);
    }

    /** Reads the fields after {@code v1;audio-two-views}. */
    static AudioTwoViewsRecipe read(SpecFields fields) {
        int rate = AudioSpecs.readRate(fields);
        return new AudioTwoViewsRecipe(
                rate,
                AudioSpecs.readCropSeconds(fields),
                AudioSpecs.readFeatures(fields, rate),
                AudioSpecs.readAugmentation(fields),
                AudioSpecs.readMasking(fields));
    }
}
