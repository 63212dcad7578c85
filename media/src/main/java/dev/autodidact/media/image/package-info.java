/**
 * Still images: the {@link dev.autodidact.media.image.RgbImage} value type, decoding with limits checked before any
 * pixel is allocated ({@link dev.autodidact.media.image.ImageDecoder}), and canonicalization to the fixed square size
 * of the {@code clean.image} topic ({@link dev.autodidact.media.image.ImageCanonicalizer}). Augmentations for
 * self-supervised views live in {@code augment}.
 */
package dev.autodidact.media.image;
