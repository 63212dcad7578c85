package dev.autodidact.media.audio.views;

import dev.autodidact.media.audio.AudioCanonicalizer;
import dev.autodidact.media.audio.LogMel;
import dev.autodidact.media.audio.LogMelSpec;
import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.audio.augment.RandomTimeCrop;
import dev.autodidact.media.audio.augment.SpecAugment;
import dev.autodidact.media.audio.augment.WaveformAugmentation;
import dev.autodidact.media.image.views.internal.SpecFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The pieces the audio recipes share: their spec fields (written and read the same way for every kind), the checks of
 * their knobs, the crop-and-augment step of a view, and the {@link LogMel} instances, kept per spec since the
 * filterbank and FFT tables cost more to build than to use.
 */
final class AudioSpecs {
    static final String RATE = "rate";
    static final String CROP_SECONDS = "crop.seconds";
    static final String N_FFT = "n_fft";
    static final String HOP = "hop";
    static final String MELS = "mels";
    static final String GAIN_DB = "gain.db";
    static final String SNR_DB = "snr.db";
    static final String SHIFT = "shift";
    static final String MIX = "mix";
    static final String TIME_MASKS = "time.masks";
    static final String TIME_WIDTH = "time.width";
    static final String FREQ_MASKS = "freq.masks";
    static final String FREQ_WIDTH = "freq.width";

    static final List<String> CLIP_KEYS = List.of(RATE, CROP_SECONDS);
    static final List<String> FEATURE_KEYS = List.of(N_FFT, HOP, MELS);
    static final List<String> AUGMENTATION_KEYS = List.of(GAIN_DB, SNR_DB, SHIFT, MIX);
    static final List<String> MASKING_KEYS = List.of(TIME_MASKS, TIME_WIDTH, FREQ_MASKS, FREQ_WIDTH);

    private static final int CACHED_LOG_MELS = 16;
    private static final Map<LogMelSpec, LogMel> LOG_MELS = new ConcurrentHashMap<>();

    private AudioSpecs() {}

    /** @return {@code v1;<kind>} */
    static StringBuilder start(String kind) {
        return new StringBuilder(AudioRecipes.VERSION).append(';').append(kind);
    }

    static void writeClip(StringBuilder out, int sampleRate, double cropSeconds) {
        SpecFields.append(out, RATE, Integer.toString(sampleRate));
        SpecFields.append(out, CROP_SECONDS, Double.toString(cropSeconds));
    }

    static void writeFeatures(StringBuilder out, LogMelSpec features) {
        SpecFields.append(out, N_FFT, Integer.toString(features.nFft()));
        SpecFields.append(out, HOP, Integer.toString(features.hop()));
        SpecFields.append(out, MELS, Integer.toString(features.nMels()));
    }

    static void writeAugmentation(StringBuilder out, WaveformAugmentation augmentation) {
        SpecFields.append(
                out,
                GAIN_DB,
                pair(augmentation.gain().minDb(), augmentation.gain().maxDb()));
        SpecFields.append(
                out,
                SNR_DB,
                pair(augmentation.noise().minSnrDb(), augmentation.noise().maxSnrDb()));
        SpecFields.append(out, SHIFT, Double.toString(augmentation.shift().maxFraction()));
        SpecFields.append(out, MIX, Double.toString(augmentation.mix().maxWeight()));
    }

    static void writeMasking(StringBuilder out, SpecAugment masking) {
        SpecFields.append(out, TIME_MASKS, Integer.toString(masking.timeMasks()));
        SpecFields.append(out, TIME_WIDTH, Integer.toString(masking.maxTimeWidth()));
        SpecFields.append(out, FREQ_MASKS, Integer.toString(masking.freqMasks()));
        SpecFields.append(out, FREQ_WIDTH, Integer.toString(masking.maxFreqWidth()));
    }

    private static String pair(double min, double max) {
        return min + "," + max;
    }

    static int readRate(SpecFields fields) {
        return fields.integer(RATE, AudioRecipes.MIN_SAMPLE_RATE, AudioRecipes.MAX_SAMPLE_RATE);
    }

    static double readCropSeconds(SpecFields fields) {
        return fields.number(CROP_SECONDS);
    }

    static LogMelSpec readFeatures(SpecFields fields, int sampleRate) {
        return LogMelSpec.of(
                sampleRate,
                fields.integer(N_FFT, 2, LogMelSpec.MAX_N_FFT),
                fields.integer(HOP, 1, LogMelSpec.MAX_N_FFT),
                fields.integer(MELS, 1, LogMelSpec.MAX_MELS));
    }

    static WaveformAugmentation readAugmentation(SpecFields fields) {
        double[] gain = fields.numbers(GAIN_DB, 2);
        double[] snr = fields.numbers(SNR_DB, 2);
        return WaveformAugmentation.of(gain[0], gain[1], snr[0], snr[1], fields.number(SHIFT), fields.number(MIX));
    }

    static SpecAugment readMasking(SpecFields fields) {
        return new SpecAugment(
                fields.integer(TIME_MASKS, 0, SpecAugment.MAX_MASKS),
                fields.integer(TIME_WIDTH, 0, SpecAugment.MAX_WIDTH),
                fields.integer(FREQ_MASKS, 0, SpecAugment.MAX_MASKS),
                fields.integer(FREQ_WIDTH, 0, SpecAugment.MAX_WIDTH));
    }

    /**
     * Checks the clip knobs every recipe has.
     *
     * @return the crop's length in samples
     * @throws IllegalArgumentException if the rate or crop is out of range
     */
    static int checkClip(String kind, int sampleRate, double cropSeconds) {
        if (sampleRate < AudioRecipes.MIN_SAMPLE_RATE || sampleRate > AudioRecipes.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("The " + kind + " sample rate must be in ["
                    + AudioRecipes.MIN_SAMPLE_RATE + ", " + AudioRecipes.MAX_SAMPLE_RATE + "] Hz, got " + sampleRate);
        }
        if (!(cropSeconds > 0 && cropSeconds <= AudioRecipes.MAX_CROP_SECONDS)) {
            throw new IllegalArgumentException("The " + kind + " crop must be in (0, " + AudioRecipes.MAX_CROP_SECONDS
                    + "] seconds, got " + cropSeconds);
        }
        return AudioCanonicalizer.clipSamples(sampleRate, cropSeconds);
    }

    /**
     * @return the frames of the crop's spectrogram
     * @throws IllegalArgumentException if the features are not at the recipe's rate or the crop is shorter than one
     *     frame
     */
    static int checkFeatures(String kind, LogMelSpec features, int sampleRate, int cropSamples) {
        if (!features.equals(LogMelSpec.of(sampleRate, features.nFft(), features.hop(), features.nMels()))) {
            throw new IllegalArgumentException("The " + kind + " features must be at the recipe's rate " + sampleRate
                    + " Hz over the whole band with the default log floor (a spec has no keys for others), got "
                    + features);
        }
        int frames = features.frames(cropSamples);
        if (frames == 0) {
            throw new IllegalArgumentException("The " + kind + " crop of " + cropSamples
                    + " samples is shorter than one log-mel frame of " + features.nFft());
        }
        return frames;
    }

    /** @throws IllegalArgumentException if an array of this shape would be over {@link AudioRecipes#MAX_ELEMENTS} */
    static void checkElements(String kind, String what, long elements) {
        if (elements > AudioRecipes.MAX_ELEMENTS) {
            throw new IllegalArgumentException("The " + kind + " " + what + " would have " + elements
                    + " elements, more than " + AudioRecipes.MAX_ELEMENTS);
        }
    }

    /** @throws IllegalArgumentException if {@code spec} is longer than {@link AudioRecipes#MAX_SPEC_LENGTH} */
    static String checkSpecLength(String spec) {
        if (spec.length() > AudioRecipes.MAX_SPEC_LENGTH) {
            throw new IllegalArgumentException("The recipe's spec would take " + spec.length()
                    + " characters, more than " + AudioRecipes.MAX_SPEC_LENGTH + ": " + SpecFields.quote(spec));
        }
        return spec;
    }

    /** @throws IllegalArgumentException unless {@code clip} is at {@code sampleRate} */
    static void checkRate(String kind, int sampleRate, PcmClip clip) {
        if (clip.sampleRate() != sampleRate) {
            throw new IllegalArgumentException("The " + kind + " recipe takes clips at " + sampleRate
                    + " Hz, got one at " + clip.sampleRate() + " Hz");
        }
    }

    /**
     * One view's waveform: a random crop of the clip, augmented; when mixing is on and another clip is given, a random
     * crop of it is mixed in.
     */
    static float[] augmentedCrop(
            float[] clip,
            Optional<float[]> other,
            int cropSamples,
            WaveformAugmentation augmentation,
            RandomGenerator rng) {
        RandomTimeCrop crop = new RandomTimeCrop(cropSamples);
        float[] own = crop.apply(clip, rng);
        float[] otherCrop = mixes(augmentation) && other.isPresent() ? crop.apply(other.get(), rng) : null;
        return augmentation.apply(own, otherCrop, rng);
    }

    /** @return the other clip's samples if the recipe mixes and one is given, after checking its rate */
    static Optional<float[]> otherSamples(
            String kind, int sampleRate, WaveformAugmentation augmentation, Optional<PcmClip> other) {
        if (!mixes(augmentation) || other.isEmpty()) {
            return Optional.empty();
        }
        checkRate(kind, sampleRate, other.get());
        return Optional.of(other.get().samples());
    }

    static boolean mixes(WaveformAugmentation augmentation) {
        return augmentation.mix().maxWeight() > 0;
    }

    /** @return the log-mel transform of {@code spec}, shared */
    static LogMel logMel(LogMelSpec spec) {
        LogMel cached = LOG_MELS.get(spec);
        if (cached != null) {
            return cached;
        }
        LogMel made = new LogMel(spec);
        if (LOG_MELS.size() < CACHED_LOG_MELS) {
            LOG_MELS.putIfAbsent(spec, made);
        }
        return made;
    }
}
