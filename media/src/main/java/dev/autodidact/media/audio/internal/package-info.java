/**
 * Implementation of WAV decoding and resampling: the RIFF chunk walk, the {@code fmt } chunk, the conversion of each
 * sample format to floats, and the Kaiser-windowed sinc table. Not a public API.
 */
package dev.autodidact.media.audio.internal;
