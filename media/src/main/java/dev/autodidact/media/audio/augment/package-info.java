/**
 * Augmentations of audio for self-supervised views, after COLA (Saeed et al., 2021), BYOL-A (Niizumi et al., 2021)
 * and SpecAugment (Park et al., 2019): on the waveform a random time crop ({@link
 * dev.autodidact.media.audio.augment.RandomTimeCrop}), a random gain ({@link
 * dev.autodidact.media.audio.augment.RandomGain}), additive Gaussian noise at a random signal-to-noise ratio ({@link
 * dev.autodidact.media.audio.augment.GaussianNoise}), a time shift ({@link
 * dev.autodidact.media.audio.augment.TimeShift}) and mixing with another clip ({@link
 * dev.autodidact.media.audio.augment.ClipMix}), combined in {@link
 * dev.autodidact.media.audio.augment.WaveformAugmentation}; on the log-mel spectrogram time and frequency masking
 * ({@link dev.autodidact.media.audio.augment.SpecAugment}).
 *
 * <p>Each is an immutable value whose knobs are checked on construction, and a pure function: it draws all randomness
 * from the {@code RandomGenerator} it is given, never modifies its input, and returns a new array, so a seeded
 * generator reproduces a view exactly.
 */
package dev.autodidact.media.audio.augment;
