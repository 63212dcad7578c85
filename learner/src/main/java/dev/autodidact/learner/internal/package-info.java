/** Implementation of the learner service: the example consumer, its training state and metrics. */
package dev.autodidact.learner.internal;
