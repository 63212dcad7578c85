package dev.autodidact.media.audio.views;

import dev.autodidact.media.audio.LogMelSpec;
import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import dev.autodidact.media.image.augment.internal.Sampling;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Masked-spectrogram examples for MAE on audio (Huang et al., "Masked Autoencoders that Listen", NeurIPS 2022): one
 * lightly augmented crop as a log-mel spectrogram, {@code view.0} F32 {@code [1, mels, frames]}, its frames cut to
 * a multiple of the patch side ({@code frames = floor((1 + (crop - n_fft) / hop) / p) * p}, the last few frames
 * dropped), cut into {@code p x p} patches in row-major order over the {@code [mels / p, frames / p]} grid (frequency
 * rows, time columns, as image patches over a {@code [1, H, W]} image), and a uniformly random subset of them to mask.
 * The arrays are those of the image {@code masked-patches} recipe: {@code mask} (U8 {@code [P]}, 1 = masked) and
 * {@code mask.index} (I32 {@code [P]}, the visible patches ascending, then the masked ones ascending), with
 * {@code P = (mels / p) (frames / p)} and {@code max(1, floor(P (1 - maskRatio)))} patches visible.
 *
 * <p>Spec: {@code v1;audio-masked-spectrogram;rate=16000;crop.seconds=1.0;n_fft=400;hop=160;mels=64;gain.db=-3.0,3.0;
 * snr.db=20.0,40.0;shift=0.0;mix=0.0;patch.size=8;mask.ratio=0.75} (one line; the {@link #defaults()}: 8 x 12 = 96
 * patches, 24 visible).
 *
 * @param sampleRate the rate of the clips
 * @param cropSeconds the length of the crop
 * @param features the log-mel parameters, at {@code sampleRate} over the whole band; {@code nMels} a multiple of
 *     {@code patchSize}
 * @param augmentation the light waveform augmentation (masking is the task, so no SpecAugment)
 * @param patchSize the side of a square patch in bands and frames, in {@code [1, MAX_PATCH_SIZE]}
 * @param maskRatio the fraction of patches masked, in {@code [0, 1)}
 */
public record AudioMaskedSpectrogramRecipe(
        int sampleRate,
        double cropSeconds,
        LogMelSpec features,
        WaveformAugmentation augmentation,
        int patchSize,
        double maskRatio)
        implements AudioRecipe {
    /** The kind of this recipe in its spec, the {@code ExampleRecipe} id. */
    public static final String KIND = "audio-masked-spectrogram";
    /** Largest patch side. */
    public static final int MAX_PATCH_SIZE = 64;

    static final String PATCH_SIZE_KEY = "patch.size";
    static final String MASK_RATIO_KEY = "mask.ratio";

    /** Checks every knob against the caps of a spec, and that at least one patch fits. */
    public AudioMaskedSpectrogramRecipe {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(augmentation, "augmentation");
        int crop = AudioSpecs.checkClip(KIND, sampleRate, cropSeconds);
        int frames = AudioSpecs.checkFeatures(KIND, features, sampleRate, crop);
        if (patchSize < 1 || patchSize > MAX_PATCH_SIZE) {
            throw new IllegalArgumentException(
                    "The patch size must be in [1, " + MAX_PATCH_SIZE + "], got " + patchSize);
        }
        if (features.nMels() % patchSize != 0) {
            throw new IllegalArgumentException(
                    "The patch size " + patchSize + " must divide the number of mel bands " + features.nMels());
        }
        if (frames < patchSize) {
            throw new IllegalArgumentException("The crop's " + frames + " frames are fewer than one patch of "
                    + patchSize + "; lengthen the crop or shorten the hop");
        }
        if (!(maskRatio >= 0 && maskRatio < 1)) {
            throw new IllegalArgumentException("The mask ratio must be in [0, 1), got " + maskRatio);
        }
        AudioSpecs.checkElements(KIND, "view", (long) features.nMels() * frames);
        AudioSpecs.checkSpecLength(spec(sampleRate, cropSeconds, features, augmentation, patchSize, maskRatio));
    }

    /** @return the recipe of the spec above */
    public static AudioMaskedSpectrogramRecipe defaults() {
        return new AudioMaskedSpectrogramRecipe(
                16_000,
                1.0,
                LogMelSpec.defaults(16_000),
                WaveformAugmentation.of(-3.0, 3.0, 20.0, 40.0, 0.0, 0.0),
                8,
                0.75);
    }

    /** @return samples per crop */
    public int cropSamples() {
        return AudioSpecs.checkClip(KIND, sampleRate, cropSeconds);
    }

    /** @return frames of the view, a multiple of {@link #patchSize()} */
    public int frames() {
        return features.frames(cropSamples()) / patchSize * patchSize;
    }

    /** @return the number of patches {@code P}, {@code (mels / p) * (frames / p)} */
    public int patches() {
        return features.nMels() / patchSize * (frames() / patchSize);
    }

    /** @return how many patches stay visible: {@code max(1, floor(P (1 - maskRatio)))} */
    public int visiblePatches() {
        return Math.max(1, (int) (patches() * (1 - maskRatio)));
    }

    @Override
    public boolean mixesOtherClip() {
        return AudioSpecs.mixes(augmentation);
    }

    @Override
    public AudioDraw draw(PcmClip clip, Optional<PcmClip> other, RandomGenerator rng) {
        AudioSpecs.checkRate(KIND, sampleRate, clip);
        Optional<float[]> otherSamples = AudioSpecs.otherSamples(KIND, sampleRate, augmentation, other);
        float[] wave = AudioSpecs.augmentedCrop(clip.samples(), otherSamples, cropSamples(), augmentation, rng);
        float[][] spectrogram = AudioSpecs.logMel(features).apply(wave);
        int frames = frames();
        float[] view = new float[features.nMels() * frames];
        for (int m = 0; m < spectrogram.length; m++) {
            System.arraycopy(spectrogram[m], 0, view, m * frames, frames);
        }
        int p = patches();
        int visible = visiblePatches();
        int[] shuffled = Sampling.permutation(rng, p);
        byte[] mask = new byte[p];
        for (int i = visible; i < p; i++) {
            mask[shuffled[i]] = 1;
        }
        int[] index = new int[p];
        int nextVisible = 0;
        int nextMasked = visible;
        for (int patch = 0; patch < p; patch++) {
            index[mask[patch] == 0 ? nextVisible++ : nextMasked++] = patch;
        }
        return new AudioDraw(List.of(
                RecipeArray.f32(AudioDraw.viewName(0), view, 1, features.nMels(), frames),
                RecipeArray.u8(RecipeArray.MASK, mask, p),
                RecipeArray.i32(RecipeArray.MASK_INDEX, index, p)));
    }

    @Override
    public List<RecipeArray.Layout> arrayLayouts() {
        return List.of(
                new RecipeArray.Layout(
                        AudioDraw.viewName(0), RecipeArray.ElementType.F32, List.of(1, features.nMels(), frames())),
                new RecipeArray.Layout(RecipeArray.MASK, RecipeArray.ElementType.U8, List.of(patches())),
                new RecipeArray.Layout(RecipeArray.MASK_INDEX, RecipeArray.ElementType.I32, List.of(patches())));
    }

    @Override
    public String spec() {
        return spec(sampleRate, cropSeconds, features, augmentation, patchSize, maskRatio);
    }

    private static String spec(
            int sampleRate,
            double cropSeconds,
            LogMelSpec features,
            WaveformAugmentation augmentation,
            int patchSize,
            double maskRatio) {
        StringBuilder out = AudioSpecs.start(KIND);
        AudioSpecs.writeClip(out, sampleRate, cropSeconds);
        AudioSpecs.writeFeatures(out, features);
        AudioSpecs.writeAugmentation(out, augmentation);
        SpecFields.append(out, PATCH_SIZE_KEY, Integer.toString(patchSize));
        SpecFields.append(out, MASK_RATIO_KEY, Double.toString(maskRatio));
        return out.toString();
    }

    /** @return the spec keys of this kind of recipe */
    static List<String> keys() {
        return AudioRecipes.concat(
                AudioSpecs.CLIP_KEYS,
                AudioSpecs.FEATURE_KEYS,
                AudioSpecs.AUGMENTATION_KEYS,
                List.of(PATCH_SIZE_KEY, MASK_RATIO_KEY));
    }

    /** Reads the fields after {@code v1;audio-masked-spectrogram}. */
    static AudioMaskedSpectrogramRecipe read(SpecFields fields) {
        int rate = AudioSpecs.readRate(fields);
        return new AudioMaskedSpectrogramRecipe(
                rate,
                AudioSpecs.readCropSeconds(fields),
                AudioSpecs.readFeatures(fields, rate),
                AudioSpecs.readAugmentation(fields),
                fields.integer(PATCH_SIZE_KEY, 1, MAX_PATCH_SIZE),
                fields.number(MASK_RATIO_KEY));
    }
}
