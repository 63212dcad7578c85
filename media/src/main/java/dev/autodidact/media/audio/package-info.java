/**
 * Audio: decoding WAV files with limits checked from the header before any sample is allocated ({@link
 * dev.autodidact.media.audio.WavDecoder}, {@link dev.autodidact.media.audio.AudioLimits}, {@link
 * dev.autodidact.media.audio.PcmAudio}), band-limited resampling ({@link dev.autodidact.media.audio.Resampler}),
 * canonicalization to the fixed-rate, fixed-length mono clip of the {@code clean.audio} topic ({@link
 * dev.autodidact.media.audio.AudioCanonicalizer}, {@link dev.autodidact.media.audio.PcmClip}), and log-mel features
 * ({@link dev.autodidact.media.audio.LogMel}, {@link dev.autodidact.media.audio.LogMelSpec}). Augmentations for
 * self-supervised views live in {@code augment}; the recipes built from them (which arrays one method gets from one
 * clip, and the spec that rebuilds a recipe) in {@code views}. Everything here is plain Java but for the FFT
 * (JTransforms), shared by the stream-app, the learner's replay buffer and eval.
 */
package dev.autodidact.media.audio;
