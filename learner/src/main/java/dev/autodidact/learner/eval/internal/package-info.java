/**
 * Numerical kernels behind the evaluation API: row normalisation, bounded top-k selection, blocked dot products, the
 * softmax-regression objective, Adam, and a symmetric Jacobi eigenvalue solver. Not a public API.
 */
package dev.autodidact.learner.eval.internal;
