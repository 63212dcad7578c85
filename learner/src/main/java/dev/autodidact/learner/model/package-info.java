/**
 * Network pieces shared by modalities and methods: the MLP heads and DINO's prototype layer (described by plain specs
 * that travel in checkpoint manifests), the convolutional decoders of the dense methods (from a spatial map, or from a
 * pooled feature vector through a seed), the pre-norm Transformer block (bidirectional or causal) and fixed sine-cosine
 * positions, the patch transformer of the image and audio ViTs, MAE's decoder, and wav2vec 2.0's pre-training heads.
 */
package dev.autodidact.learner.model;
