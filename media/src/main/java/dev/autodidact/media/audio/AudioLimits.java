package dev.autodidact.media.audio;

/**
 * Limits a WAV file must meet before its samples are decoded: encoded size, channel count, sample rate and duration.
 * {@link WavDecoder} checks them against the header (the duration from the {@code data} chunk's size), so a file that
 * claims an hour of 384 kHz audio or 65,535 channels is rejected without allocating a sample array.
 *
 * @param maxBytes most encoded bytes accepted
 * @param maxChannels most channels accepted
 * @param minSampleRate lowest sample rate accepted, in Hz
 * @param maxSampleRate highest sample rate accepted, in Hz, at most {@link Resampler#MAX_RATE}
 * @param maxSeconds longest duration accepted, in seconds
 */
public record AudioLimits(long maxBytes, int maxChannels, int minSampleRate, int maxSampleRate, double maxSeconds) {
    /** 16 MiB of encoded bytes. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    /** 8 channels (7.1 surround). */
    public static final int DEFAULT_MAX_CHANNELS = 8;
    /** 1,000 Hz: below it nothing of speech or music is left. */
    public static final int DEFAULT_MIN_SAMPLE_RATE = 1_000;
    /** 384,000 Hz, the highest rate studio converters write. */
    public static final int DEFAULT_MAX_SAMPLE_RATE = 384_000;
    /** 60 seconds. */
    public static final double DEFAULT_MAX_SECONDS = 60.0;

    /** Validates that every limit is positive and the rate range is not empty. */
    public AudioLimits {
        if (maxBytes < 1
                || maxChannels < 1
                || minSampleRate < 1
                || !(maxSeconds > 0)
                || Double.isInfinite(maxSeconds)) {
            throw new IllegalArgumentException("Audio limits must be positive and finite, got maxBytes=" + maxBytes
                    + ", maxChannels=" + maxChannels + ", minSampleRate=" + minSampleRate + ", maxSeconds="
                    + maxSeconds);
        }
        if (maxSampleRate < minSampleRate || maxSampleRate > Resampler.MAX_RATE) {
            throw new IllegalArgumentException("Sample rate range must be non-empty and at most " + Resampler.MAX_RATE
                    + " Hz, got " + minSampleRate + ".." + maxSampleRate + " Hz");
        }
    }

    /** @return the default limits: 16 MiB, 8 channels, 1,000 to 384,000 Hz, 60 s */
    public static AudioLimits defaults() {
        return new AudioLimits(
                DEFAULT_MAX_BYTES,
                DEFAULT_MAX_CHANNELS,
                DEFAULT_MIN_SAMPLE_RATE,
                DEFAULT_MAX_SAMPLE_RATE,
                DEFAULT_MAX_SECONDS);
    }

    /**
     * @param bytes the new byte limit
     * @return these limits with {@code maxBytes} replaced
     */
    public AudioLimits withMaxBytes(long bytes) {
        return new AudioLimits(bytes, maxChannels, minSampleRate, maxSampleRate, maxSeconds);
    }

    /**
     * @param channels the new channel limit
     * @return these limits with {@code maxChannels} replaced
     */
    public AudioLimits withMaxChannels(int channels) {
        return new AudioLimits(maxBytes, channels, minSampleRate, maxSampleRate, maxSeconds);
    }

    /**
     * @param min the new lowest rate, in Hz
     * @param max the new highest rate, in Hz
     * @return these limits with the sample rate range replaced
     */
    public AudioLimits withSampleRates(int min, int max) {
        return new AudioLimits(maxBytes, maxChannels, min, max, maxSeconds);
    }

    /**
     * @param seconds the new duration limit
     * @return these limits with {@code maxSeconds} replaced
     */
    public AudioLimits withMaxSeconds(double seconds) {
        return new AudioLimits(maxBytes, maxChannels, minSampleRate, maxSampleRate, seconds);
    }

    /**
     * @param sampleRate a rate in Hz
     * @return whether the rate is within {@code [minSampleRate, maxSampleRate]}
     */
    public boolean acceptsSampleRate(long sampleRate) {
        return sampleRate >= minSampleRate && sampleRate <= maxSampleRate;
    }
}
