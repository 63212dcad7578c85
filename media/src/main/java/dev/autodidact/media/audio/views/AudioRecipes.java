package dev.autodidact.media.audio.views;

import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an {@link AudioRecipe} back from its spec. A spec is ASCII text of at most {@value #MAX_SPEC_LENGTH}
 * characters: the version {@value #VERSION}, the kind, then {@code key=value} fields, all separated by {@code ;},
 * written as the image recipes' specs are ({@code Double.toString}, {@code Integer.toString}, pairs separated by
 * {@code ,}). Every key is required, none may repeat, order is free:
 *
 * <pre>
 * v1;audio-two-views;rate=16000;crop.seconds=0.75;n_fft=400;hop=160;mels=64;gain.db=-6.0,6.0;snr.db=10.0,40.0;
 *   shift=0.1;mix=0.0;time.masks=2;time.width=10;freq.masks=2;freq.width=8
 * v1;audio-masked-spectrogram;rate=16000;crop.seconds=1.0;n_fft=400;hop=160;mels=64;gain.db=-3.0,3.0;
 *   snr.db=20.0,40.0;shift=0.0;mix=0.0;patch.size=8;mask.ratio=0.75
 * v1;audio-waveform;rate=16000;crop.seconds=0.75;gain.db=-6.0,6.0;snr.db=10.0,40.0;shift=0.1;mix=0.0
 * </pre>
 *
 * (one line each). {@code rate} is the clips' rate in Hz, {@code crop.seconds} each view's crop; {@code n_fft},
 * {@code hop} and {@code mels} the log-mel parameters (whole band, default floor); {@code gain.db} and {@code snr.db}
 * min,max ranges of the gain and the signal-to-noise ratio, {@code shift} the largest time shift as a fraction of the
 * crop, {@code mix} the largest share of another clip; {@code time.masks}, {@code time.width}, {@code freq.masks},
 * {@code freq.width} the SpecAugment counts and widest masks; {@code patch.size} and {@code mask.ratio} the masked
 * spectrogram's patches.
 *
 * <p>A spec is input: {@link #parse} caps its length before splitting it, reads every number within its cap (rate
 * {@value #MIN_SAMPLE_RATE}..{@value #MAX_SAMPLE_RATE} Hz, crop at most {@value #MAX_CROP_SECONDS} s, {@code n_fft}
 * and {@code hop} at most 8192, {@code mels} at most 256, masks at most 16 of each kind and 1024 wide, patches at most
 * 64, no array over {@value #MAX_ELEMENTS} elements), and rejects an unknown version, kind or key, a missing or
 * repeated key, a malformed or non-finite number and values no recipe accepts, with an
 * {@link IllegalArgumentException} saying which. The recipes' constructors enforce the same caps, so the spec of
 * every recipe parses.
 */
public final class AudioRecipes {
    /** The spec version this build writes and reads. */
    public static final String VERSION = "v1";
    /** Longest spec: an example's metadata value may not be longer. */
    public static final int MAX_SPEC_LENGTH = 1024;
    /** Lowest clip rate. */
    public static final int MIN_SAMPLE_RATE = 1_000;
    /** Highest clip rate. */
    public static final int MAX_SAMPLE_RATE = 384_000;
    /** Longest crop, in seconds. */
    public static final double MAX_CROP_SECONDS = 30.0;
    /** Most elements of one array a recipe draws: 4 Mi floats, 16 MiB. */
    public static final int MAX_ELEMENTS = 1 << 22;

    private static final List<String> KINDS =
            List.of(AudioTwoViewsRecipe.KIND, AudioMaskedSpectrogramRecipe.KIND, AudioWaveformRecipe.KIND);

    private AudioRecipes() {}

    /** @return the kinds a spec may name, the {@code ExampleRecipe} ids of audio */
    public static List<String> kinds() {
        return KINDS;
    }

    /**
     * @param spec a recipe's {@link AudioRecipe#spec()}
     * @return the recipe it describes: the same seed gives identical arrays
     * @throws IllegalArgumentException naming what is wrong with {@code spec}
     */
    public static AudioRecipe parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.length() > MAX_SPEC_LENGTH) {
            throw new IllegalArgumentException(
                    "Audio recipe spec is " + spec.length() + " characters long, more than " + MAX_SPEC_LENGTH);
        }
        String[] parts = spec.split(";", -1);
        if (!parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("Unsupported audio recipe spec version " + SpecFields.quote(parts[0])
                    + "; this build reads " + VERSION);
        }
        String kind = parts.length > 1 ? parts[1] : "";
        return switch (kind) {
            case AudioTwoViewsRecipe.KIND -> AudioTwoViewsRecipe.read(fields(kind, parts, AudioTwoViewsRecipe.keys()));
            case AudioMaskedSpectrogramRecipe.KIND ->
                AudioMaskedSpectrogramRecipe.read(fields(kind, parts, AudioMaskedSpectrogramRecipe.keys()));
            case AudioWaveformRecipe.KIND -> AudioWaveformRecipe.read(fields(kind, parts, AudioWaveformRecipe.keys()));
            default ->
                throw new IllegalArgumentException(
                        "Unknown audio recipe kind " + SpecFields.quote(kind) + "; kinds: " + KINDS);
        };
    }

    private static SpecFields fields(String kind, String[] parts, List<String> keys) {
        return SpecFields.of(kind, parts, 2, keys);
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }
}
