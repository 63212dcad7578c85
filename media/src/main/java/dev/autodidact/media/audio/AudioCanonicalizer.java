package dev.autodidact.media.audio;

import dev.autodidact.media.MediaRejectedException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings any WAV file to the canonical clip of the {@code clean.audio} topic: decode ({@link WavDecoder}, limits
 * checked first), mix down to mono (the mean of the channels), resample to the canonical rate ({@link Resampler}), and
 * cut or pad to the canonical length. Every clip on the topic then has the same rate and number of samples, as every
 * clean image has the same size, so that examples batch without padding logic downstream.
 *
 * <p>A shorter recording is padded with zeros (silence) at the end; a longer one keeps its first window and drops the
 * rest. The start rather than a random or centred window, because canonicalization must be deterministic (the clean
 * record is stored once and replayed) and recordings of the kind this project learns from (a spoken word, an event)
 * start near the beginning; the recipes' random time crops then vary the window within the clip. Only the output that
 * is kept is resampled, so a minute-long file costs little more than a second.
 *
 * <p>The canonical clip is stored as 16-bit PCM ({@link #toPcm16}, {@link #fromPcm16(short[], int)}): half the bytes
 * of floats, and no loss for sources that were 16-bit already. Instances are immutable and thread-safe; the resamplers
 * for the source rates met are kept (up to {@value #CACHED_RESAMPLERS}), since building a kernel table costs more than
 * using it.
 */
public final class AudioCanonicalizer {
    /** The canonical rate unless configured: 16 kHz, the rate of speech models (wav2vec 2.0, HuBERT, Whisper). */
    public static final int DEFAULT_SAMPLE_RATE = 16_000;
    /** The canonical clip length unless configured: one second. */
    public static final double DEFAULT_CLIP_SECONDS = 1.0;
    /** Longest canonical clip. */
    public static final double MAX_CLIP_SECONDS = 60.0;
    /** Most resamplers kept, one per source rate. */
    static final int CACHED_RESAMPLERS = 16;

    private static final float PCM16_SCALE = 32_768f;

    private final WavDecoder decoder;
    private final int sampleRate;
    private final double clipSeconds;
    private final int clipSamples;
    private final Map<Integer, Resampler> resamplers = new ConcurrentHashMap<>();

    /** A canonicalizer to one second at 16 kHz, decoding with {@link AudioLimits#defaults()}. */
    public AudioCanonicalizer() {
        this(new WavDecoder(), DEFAULT_SAMPLE_RATE, DEFAULT_CLIP_SECONDS);
    }

    /**
     * @param decoder the decoder, with the limits every file must meet
     * @param sampleRate the canonical rate, in {@code [AudioLimits.DEFAULT_MIN_SAMPLE_RATE,
     *     AudioLimits.DEFAULT_MAX_SAMPLE_RATE]}
     * @param clipSeconds the canonical length in seconds, in {@code (0, MAX_CLIP_SECONDS]}, at least one sample
     * @throws IllegalArgumentException if the rate or length is out of range
     */
    public AudioCanonicalizer(WavDecoder decoder, int sampleRate, double clipSeconds) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        if (sampleRate < AudioLimits.DEFAULT_MIN_SAMPLE_RATE || sampleRate > AudioLimits.DEFAULT_MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException(
                    "The canonical sample rate must be in [" + AudioLimits.DEFAULT_MIN_SAMPLE_RATE + ", "
                            + AudioLimits.DEFAULT_MAX_SAMPLE_RATE + "] Hz, got " + sampleRate);
        }
        if (!(clipSeconds > 0 && clipSeconds <= MAX_CLIP_SECONDS)) {
            throw new IllegalArgumentException(
                    "The canonical clip length must be in (0, " + MAX_CLIP_SECONDS + "] s, got " + clipSeconds);
        }
        this.sampleRate = sampleRate;
        this.clipSeconds = clipSeconds;
        this.clipSamples = clipSamples(sampleRate, clipSeconds);
    }

    /**
     * @param sampleRate a rate
     * @param seconds a duration
     * @return the samples of that duration at that rate, {@code round(sampleRate * seconds)} and at least 1
     */
    public static int clipSamples(int sampleRate, double seconds) {
        return (int) Math.max(1, Math.round(sampleRate * seconds));
    }

    /** @return the decoder in use */
    public WavDecoder decoder() {
        return decoder;
    }

    /** @return the canonical sample rate */
    public int sampleRate() {
        return sampleRate;
    }

    /** @return the canonical clip length in seconds */
    public double clipSeconds() {
        return clipSeconds;
    }

    /** @return the canonical clip length in samples */
    public int clipSamples() {
        return clipSamples;
    }

    /**
     * @param wav the bytes of a WAV file
     * @return its canonical clip
     * @throws MediaRejectedException if the decoder rejects the bytes
     */
    public PcmClip canonicalize(byte[] wav) {
        return canonicalize(decoder.decode(wav));
    }

    /**
     * @param audio decoded audio at any rate, any number of channels
     * @return its canonical clip: mono, {@link #sampleRate()}, {@link #clipSamples()} samples
     */
    public PcmClip canonicalize(PcmAudio audio) {
        float[] mono = audio.mixDown();
        long available = Resampler.outputLength(mono.length, audio.sampleRate(), sampleRate);
        int kept = (int) Math.min(clipSamples, available);
        float[] resampled = resamplerFrom(audio.sampleRate()).resample(mono, kept);
        float[] clip = new float[clipSamples];
        System.arraycopy(resampled, 0, clip, 0, kept);
        return new PcmClip(clip, sampleRate);
    }

    private Resampler resamplerFrom(int sourceRate) {
        Resampler cached = resamplers.get(sourceRate);
        if (cached != null) {
            return cached;
        }
        Resampler made = new Resampler(sourceRate, sampleRate);
        if (resamplers.size() < CACHED_RESAMPLERS) {
            resamplers.putIfAbsent(sourceRate, made);
        }
        return made;
    }

    /**
     * @param clip any clip
     * @return its samples as 16-bit PCM, {@code round(x * 32768)} clamped to {@code [-32768, 32767]}: the inverse of
     *     the decoder's scaling, so 16-bit sources come back exactly
     */
    public static short[] toPcm16(PcmClip clip) {
        short[] out = new short[clip.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short)
                    Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(clip.sample(i) * PCM16_SCALE)));
        }
        return out;
    }

    /**
     * @param clip any clip
     * @return {@link #toPcm16} as little-endian bytes, two per sample: the data of an I16 array {@code [T]}
     */
    public static byte[] toPcm16Bytes(PcmClip clip) {
        short[] samples = toPcm16(clip);
        byte[] out = new byte[2 * samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    /**
     * @param samples 16-bit PCM samples, at least one
     * @param sampleRate their rate
     * @return the clip, each sample divided by 32768
     */
    public static PcmClip fromPcm16(short[] samples, int sampleRate) {
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i] / PCM16_SCALE;
        }
        return new PcmClip(out, sampleRate);
    }

    /**
     * @param littleEndian 16-bit PCM samples as little-endian bytes (an I16 array's data), an even number, at least 2
     * @param sampleRate their rate
     * @return the clip, each sample divided by 32768
     * @throws IllegalArgumentException if the byte count is odd
     */
    public static PcmClip fromPcm16(byte[] littleEndian, int sampleRate) {
        if (littleEndian.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "16-bit PCM takes two bytes per sample, got an odd count " + littleEndian.length);
        }
        short[] samples = new short[littleEndian.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((littleEndian[2 * i] & 0xFF) | littleEndian[2 * i + 1] << 8);
        }
        return fromPcm16(samples, sampleRate);
    }
}
