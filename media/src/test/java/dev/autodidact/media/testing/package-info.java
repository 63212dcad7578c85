/**
 * Test fixtures shared with the other modules' tests through media's test-jar ({@code <type>test-jar</type>}, test
 * scope): {@link dev.autodidact.media.testing.TestImages} makes the images and encoded image bytes that tests feed in,
 * {@link dev.autodidact.media.testing.TestWavs} the WAV files (every sample format, and headers that lie) and tones.
 */
package dev.autodidact.media.testing;
