/**
 * Random image augmentations for contrastive views, after SimCLR (Chen, Kornblith, Norouzi, Hinton, "A Simple
 * Framework for Contrastive Learning of Visual Representations", ICML 2020) with torchvision's sampling semantics:
 * random resized crop, horizontal flip, colour jitter, random grayscale and Gaussian blur, composed by
 * {@link dev.autodidact.media.image.augment.SimClrAugmentation}.
 *
 * <p>Every transform takes its randomness from the {@link java.util.random.RandomGenerator} it is given, so a seeded
 * generator reproduces the same views. Transforms are stateless and thread-safe; they return new images, work on
 * primitive buffers and allocate nothing per pixel.
 */
package dev.autodidact.media.image.augment;
