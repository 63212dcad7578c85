/** Encoder and head architectures, described by plain specs that travel in checkpoint manifests. */
package dev.autodidact.learner.model;
