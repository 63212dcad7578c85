package dev.autodidact.learner.modality.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Log-mel spectrograms of 16-bit PCM clips, defined as the stream-app computes the audio examples' views: frames of
 * {@code fftSize} samples every {@code hopLength} samples, without centring or padding (so a clip of T samples has
 * {@code 1 + (T - fftSize) / hopLength} frames), each weighted by a periodic Hann window; the power spectrum
 * {@code |X|^2} of the samples scaled to [-1, 1) ({@link Pcm16#SCALE}); a Slaney-style mel filterbank (librosa's
 * default, {@code htk=False, norm='slaney'}, from 0 Hz to half the sample rate); and the natural log of
 * {@code max(mel power, 1e-10)}. The spectrogram encoders need it for canonical clips (embedding, health, eval), which
 * arrive as PCM and must become the same features the views are.
 */
public interface Spectrograms {
    /** Samples per frame (25 ms at 16 kHz). */
    int DEFAULT_FFT_SIZE = 400;
    /** Samples between frames (10 ms at 16 kHz: 100 frames per second). */
    int DEFAULT_HOP_LENGTH = 160;
    /** Mel bands. */
    int DEFAULT_MELS = 64;
    /**
     * Mean of the log-mel values of the FSDD training clips (2,250 recordings, 8 kHz WAV resampled to 16 kHz with a
     * polyphase windowed-sinc filter, canonical: the first second, zero-padded at the end, so that 54% of the values
     * sit at the floor, log(1e-10) = -23.03), with the defaults above. Random 0.75 s crops of the same clips give
     * -17.84 and 7.05: a fixed affine that puts either near zero mean and unit variance, the same in training and
     * embedding, and independent of any one utterance.
     */
    float FSDD_MEAN = -17.56f;
    /** Standard deviation of the same values. */
    float FSDD_STD = 7.18f;

    /** Mel bands M. */
    int mels();

    /** Frames F of a clip of {@code samples} samples; 0 if it is shorter than one frame. */
    int frames(int samples);

    /**
     * The log-mel spectrograms of equally long clips, float (N, M, F) on {@code manager}.
     *
     * @throws IllegalArgumentException if the clips differ in length, or are shorter than one frame
     */
    NDArray logMel(NDManager manager, List<short[]> clips);
}
