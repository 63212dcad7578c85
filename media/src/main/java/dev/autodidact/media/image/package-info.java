/**
 * Still images: the {@link dev.autodidact.media.image.RgbImage} value type, decoding with limits checked before any
 * pixel is allocated ({@link dev.autodidact.media.image.ImageDecoder}), and canonicalization to the fixed square size
 * of the {@code clean.image} topic ({@link dev.autodidact.media.image.ImageCanonicalizer}). Augmentations for
 * self-supervised views live in {@code augment}; the view recipes built from them (which views, masks and targets one
 * method gets from one image, and the spec that rebuilds a recipe) in {@code views}; the image operations of the
 * pretext tasks (rotations, jigsaw permutations, CIE Lab) in {@code pretext}.
 */
package dev.autodidact.media.image;
