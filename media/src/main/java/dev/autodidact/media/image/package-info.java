/**
 * Still images: the {@link dev.autodidact.media.image.RgbImage} value type, decoding with limits checked before any
 * pixel is allocated ({@link dev.autodidact.media.image.ImageDecoder}), and canonicalization to the fixed square size
 * of the {@code clean.image} topic ({@link dev.autodidact.media.image.ImageCanonicalizer}). Augmentations for
 * self-supervised views live in {@code augment}; the view recipes built from them (which views one method gets from
 * one image, and the spec that rebuilds a recipe) in {@code views}.
 */
package dev.autodidact.media.image;
