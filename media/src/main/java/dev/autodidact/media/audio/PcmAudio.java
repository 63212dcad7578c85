package dev.autodidact.media.audio;

import java.util.Arrays;

/**
 * Decoded audio as it was recorded: one float array per channel at the file's sample rate, samples in {@code [-1, 1]}
 * whatever the file's sample format (8-bit, 16-bit, float). Planar rather than interleaved, because everything after
 * decoding works on one channel at a time (mixing down, resampling). Immutable: the constructor and accessors copy;
 * equality compares rate and samples.
 */
public final class PcmAudio {
    private final int sampleRate;
    private final float[][] channels;

    /**
     * @param sampleRate samples per second of each channel, at least 1
     * @param channels one array per channel (at least one), all of the same length; copied
     * @throws IllegalArgumentException if the rate is not positive, there is no channel or the lengths differ
     */
    public PcmAudio(int sampleRate, float[][] channels) {
        this(copy(channels), sampleRate);
    }

    /** Takes the arrays as they are: the public constructor passes copies, {@link #wrap} the decoder's own. */
    private PcmAudio(float[][] channels, int sampleRate) {
        if (sampleRate < 1) {
            throw new IllegalArgumentException("Sample rate must be positive, got " + sampleRate);
        }
        if (channels.length == 0) {
            throw new IllegalArgumentException("Audio needs at least one channel");
        }
        for (float[] channel : channels) {
            if (channel.length != channels[0].length) {
                throw new IllegalArgumentException(
                        "Channels differ in length: " + channels[0].length + " and " + channel.length + " samples");
            }
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    /** Wraps arrays the decoder made and nobody else holds, without copying them. */
    static PcmAudio wrap(int sampleRate, float[][] channels) {
        return new PcmAudio(channels, sampleRate);
    }

    private static float[][] copy(float[][] channels) {
        float[][] copy = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            copy[c] = channels[c].clone();
        }
        return copy;
    }

    /** @return samples per second */
    public int sampleRate() {
        return sampleRate;
    }

    /** @return the number of channels, at least 1 */
    public int channelCount() {
        return channels.length;
    }

    /** @return samples per channel */
    public int frames() {
        return channels[0].length;
    }

    /** @return the duration in seconds, {@code frames / sampleRate} */
    public double seconds() {
        return (double) frames() / sampleRate;
    }

    /**
     * @param channel the channel index, {@code 0 <= channel < channelCount()}
     * @return a copy of that channel's samples
     */
    public float[] channel(int channel) {
        return channels[channel].clone();
    }

    /**
     * Mixes all channels down to one, the mean of the channels at each instant: a stereo recording of a voice centred
     * between the speakers keeps its level, and nothing can clip that did not clip before.
     *
     * @return a new array of {@link #frames()} samples
     */
    public float[] mixDown() {
        float[] mono = channels[0].clone();
        if (channels.length == 1) {
            return mono;
        }
        for (int c = 1; c < channels.length; c++) {
            float[] channel = channels[c];
            for (int i = 0; i < mono.length; i++) {
                mono[i] += channel[i];
            }
        }
        float scale = 1f / channels.length;
        for (int i = 0; i < mono.length; i++) {
            mono[i] *= scale;
        }
        return mono;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PcmAudio that
                && sampleRate == that.sampleRate
                && Arrays.deepEquals(channels, that.channels);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.deepHashCode(channels);
    }

    @Override
    public String toString() {
        return "PcmAudio[" + channels.length + " ch, " + frames() + " frames at " + sampleRate + " Hz]";
    }
}
