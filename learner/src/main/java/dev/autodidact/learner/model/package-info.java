/**
 * Network pieces shared by modalities and methods: the MLP heads and DINO's prototype layer (described by plain specs
 * that travel in checkpoint manifests), the convolutional decoder of the dense methods, the pre-norm Transformer block
 * and fixed sine-cosine positions of the ViT, and MAE's decoder.
 */
package dev.autodidact.learner.model;
