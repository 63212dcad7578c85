/**
 * Audio for the learner: the encoder architectures of the audio modality, each rebuilt from its manifest entries and
 * each taking both the stream-app's example arrays and the canonical clean input (16-bit PCM {@code [T]} at the clean
 * sample rate). {@link dev.autodidact.learner.modality.audio.AudioConvEncoderSpec} ({@code audio-conv}) and
 * {@link dev.autodidact.learner.modality.audio.AudioVitEncoderSpec} ({@code audio-vit}) take log-mel spectrograms,
 * and turn canonical clips into one through {@link dev.autodidact.learner.modality.audio.Spectrograms};
 * {@link dev.autodidact.learner.modality.audio.AudioWaveformEncoderSpec} ({@code audio-waveform}) takes the waveform
 * itself, and is the {@link dev.autodidact.learner.modality.FrameEncoder} of CPC and wav2vec 2.0.
 */
package dev.autodidact.learner.modality.audio;
