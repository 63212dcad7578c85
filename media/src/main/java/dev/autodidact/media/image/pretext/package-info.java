/**
 * Image operations of the predictive (pretext-task) methods, shared by the stream-app's recipes and the learner:
 * quarter turns for RotNet ({@link dev.autodidact.media.image.pretext.Rotations}), the fixed maximal-Hamming
 * permutation set of the jigsaw puzzle ({@link dev.autodidact.media.image.pretext.JigsawPermutations}) and the sRGB to
 * CIE Lab conversion of colorization ({@link dev.autodidact.media.image.pretext.CieLab}). All are deterministic: the
 * same input gives the same bytes on every JVM, so a replayed example matches what the stream-app would have made.
 */
package dev.autodidact.media.image.pretext;
