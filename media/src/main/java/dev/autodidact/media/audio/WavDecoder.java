package dev.autodidact.media.audio;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.RejectReason;
import dev.autodidact.media.audio.internal.RiffChunks;
import dev.autodidact.media.audio.internal.SampleEncoding;
import dev.autodidact.media.audio.internal.WavFormat;
import java.util.Objects;

/**
 * Decodes RIFF/WAVE bytes into {@link PcmAudio}, enforcing {@link AudioLimits} before any sample array is allocated:
 * the byte count before parsing, the channel count, sample rate and duration (from the {@code data} chunk's size)
 * from the header.
 *
 * <p>Formats: PCM 8-bit unsigned and 16-, 24- and 32-bit signed, IEEE float 32- and 64-bit, and
 * WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format; any number of channels up to the limit; any rate within it.
 * Chunks other than {@code fmt } and {@code data} are skipped, with the pad byte after odd sizes.
 *
 * <p>Every failure is a {@link MediaRejectedException} whose reason the stream-app routes on: {@link RejectReason#EMPTY}
 * (no bytes, or no whole frame), {@link RejectReason#TOO_MANY_BYTES}, {@link RejectReason#UNSUPPORTED_FORMAT} (not
 * RIFF/WAVE, another codec or sample size, more channels than the limit, a rate outside it), {@link RejectReason#CORRUPT}
 * (a chunk size past the end of the bytes, a missing or repeated {@code fmt }/{@code data} chunk, zero channels, rate
 * or bits, a block align of zero or other than {@code channels * bits / 8}, a non-finite float sample) and
 * {@link RejectReason#TOO_LONG}. A header that lies about sizes is caught by comparing with the bytes really present,
 * so it costs neither an exception loop nor an out-of-memory.
 *
 * <p>A {@code data} chunk whose size is not a multiple of the block align (a recording cut off mid-frame) is
 * truncated to its whole frames, as most readers do, rather than rejected: the partial frame holds no complete instant
 * of sound. Instances are immutable and thread-safe.
 */
public final class WavDecoder {
    private final AudioLimits limits;

    /** A decoder with {@link AudioLimits#defaults()}. */
    public WavDecoder() {
        this(AudioLimits.defaults());
    }

    /** @param limits the limits every file must meet */
    public WavDecoder(AudioLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return the limits this decoder enforces */
    public AudioLimits limits() {
        return limits;
    }

    /**
     * @param data bytes that may be a WAV file
     * @return whether they start with a RIFF/WAVE header (the rest is not checked)
     */
    public static boolean isWav(byte[] data) {
        return data != null && RiffChunks.isWave(data);
    }

    /**
     * Decodes one WAV file.
     *
     * @param data the file's bytes
     * @return its samples, one array per channel, in {@code [-1, 1]}
     * @throws MediaRejectedException with the reason the bytes cannot be used
     */
    public PcmAudio decode(byte[] data) {
        checkByteCount(data);
        if (!RiffChunks.isWave(data)) {
            throw new MediaRejectedException(RejectReason.UNSUPPORTED_FORMAT, "Not a RIFF/WAVE file");
        }
        RiffChunks.WaveChunks chunks = RiffChunks.find(data);
        WavFormat format = WavFormat.parse(data, chunks.format());
        checkFormat(format);
        int frames = chunks.data().size() / format.blockAlign();
        if (frames == 0) {
            throw new MediaRejectedException(
                    RejectReason.EMPTY, "WAV 'data' chunk of " + chunks.data().size() + " bytes holds no whole frame");
        }
        double seconds = (double) frames / format.sampleRate();
        if (seconds > limits.maxSeconds()) {
            throw new MediaRejectedException(
                    RejectReason.TOO_LONG,
                    "WAV file lasts " + seconds + " s, longer than the limit of " + limits.maxSeconds() + " s");
        }
        return PcmAudio.wrap(
                (int) format.sampleRate(), samples(data, chunks.data().offset(), frames, format));
    }

    private void checkByteCount(byte[] data) {
        if (data == null || data.length == 0) {
            throw new MediaRejectedException(RejectReason.EMPTY, "Audio has no bytes");
        }
        if (data.length > limits.maxBytes()) {
            throw new MediaRejectedException(
                    RejectReason.TOO_MANY_BYTES,
                    "Audio has " + data.length + " bytes, more than the limit of " + limits.maxBytes());
        }
    }

    private void checkFormat(WavFormat format) {
        if (format.channels() > limits.maxChannels()) {
            throw new MediaRejectedException(
                    RejectReason.UNSUPPORTED_FORMAT,
                    "WAV file has " + format.channels() + " channels, more than the limit of " + limits.maxChannels());
        }
        if (!limits.acceptsSampleRate(format.sampleRate())) {
            throw new MediaRejectedException(
                    RejectReason.UNSUPPORTED_FORMAT,
                    "WAV sample rate " + format.sampleRate() + " Hz is outside " + limits.minSampleRate() + ".."
                            + limits.maxSampleRate() + " Hz");
        }
    }

    private static float[][] samples(byte[] data, int offset, int frames, WavFormat format) {
        SampleEncoding encoding = format.encoding();
        int width = encoding.bytes();
        float[][] channels = new float[format.channels()][frames];
        for (int c = 0; c < channels.length; c++) {
            float[] channel = channels[c];
            int at = offset + c * width;
            for (int i = 0; i < frames; i++, at += format.blockAlign()) {
                channel[i] = encoding.read(data, at);
            }
            for (int i = 0; i < frames; i++) {
                if (Float.isNaN(channel[i])) {
                    throw new MediaRejectedException(
                            RejectReason.CORRUPT, "WAV float sample at frame " + i + " is not a finite number");
                }
            }
        }
        return channels;
    }
}
