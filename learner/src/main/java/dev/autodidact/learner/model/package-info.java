/**
 * Head and decoder architectures (MLP projectors and predictors, prototype layers, the convolutional decoder of the dense
 * methods), described by plain specs whose values travel in checkpoint manifests.
 */
package dev.autodidact.learner.model;
