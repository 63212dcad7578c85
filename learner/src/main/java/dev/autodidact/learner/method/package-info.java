/**
 * Self-supervised methods, one small class each behind {@link dev.autodidact.learner.method.SslMethod}: which views
 * they need, which networks they build, their loss and the state they carry across steps and checkpoints.
 */
package dev.autodidact.learner.method;
