/**
 * Network pieces shared by modalities and methods: the MLP heads and DINO's prototype layer (described by plain specs
 * that travel in checkpoint manifests), the convolutional decoders of the dense methods (from a spatial map, or from a
 * pooled feature vector through a seed), the pre-norm Transformer block and fixed sine-cosine positions of the ViT,
 * and MAE's decoder.
 */
package dev.autodidact.learner.model;
