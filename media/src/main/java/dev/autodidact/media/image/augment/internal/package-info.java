/**
 * Implementation helpers for augmentations: sampling, colour operations on float buffers, convolution. Not public
 * API.
 */
package dev.autodidact.media.image.augment.internal;
