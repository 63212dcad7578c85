package dev.autodidact.streams.internal;

import dev.autodidact.media.audio.AudioCanonicalizer;
import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.Objects;

/**
 * A canonical clip on its way from the decoder to {@code clean.audio} and the example processors: the 16-bit PCM the
 * clean record and every example carry as {@code input} (I16 {@code [T]}), and its rate. The recipes draw from
 * {@link #clip()}, the clip those very samples decode to, not from the decoder's float output: so the learner, which
 * has only {@code input} and the recipe's spec, draws exactly what the stream-app drew from the same seed.
 * Immutable: the samples are never handed out to be changed.
 */
public final class CleanAudio {
    /** Metadata key of the clip's rate in Hz, on clean records and examples: what {@code input}'s samples mean. */
    public static final String SAMPLE_RATE = "sample.rate";

    private final byte[] pcm16;
    private final int sampleRate;
    private final PcmClip clip;

    private CleanAudio(byte[] pcm16, int sampleRate) {
        this.pcm16 = pcm16;
        this.sampleRate = sampleRate;
        this.clip = AudioCanonicalizer.fromPcm16(pcm16, sampleRate);
    }

    /**
     * @param canonical a canonical clip, as the canonicalizer made it
     * @return the clip rounded to 16-bit PCM
     */
    public static CleanAudio of(PcmClip canonical) {
        Objects.requireNonNull(canonical, "canonical");
        return new CleanAudio(AudioCanonicalizer.toPcm16Bytes(canonical), canonical.sampleRate());
    }

    /**
     * @param pcm16 16-bit little-endian samples, as {@link #pcm16()} gives them; copied
     * @param sampleRate their rate
     * @return the clip they hold
     * @throws IllegalArgumentException if the byte count is odd or zero
     */
    public static CleanAudio fromPcm16(byte[] pcm16, int sampleRate) {
        return new CleanAudio(pcm16.clone(), sampleRate);
    }

    /** @return the samples as 16-bit little-endian PCM, a copy */
    public byte[] pcm16() {
        return pcm16.clone();
    }

    /** @return the samples a recipe draws from: {@link #pcm16()} divided by 32768 */
    public PcmClip clip() {
        return clip;
    }

    /** @return the rate in Hz */
    public int sampleRate() {
        return sampleRate;
    }

    /** @return the number of samples {@code T} */
    public int samples() {
        return pcm16.length / 2;
    }

    /** @return the {@code input} array: I16 {@code [T]} */
    public Tensor input() {
        return Tensor.wrap(DType.I16, new int[] {samples()}, pcm16.clone());
    }

    /**
     * @return the record of {@code clean.audio}: {@code input}, metadata {@code modality=audio} and
     *     {@value #SAMPLE_RATE}
     */
    public Example toClean() {
        return Example.builder(Modality.AUDIO)
                .meta(SAMPLE_RATE, Integer.toString(sampleRate))
                .put(ArrayNames.INPUT, input())
                .build();
    }
}
