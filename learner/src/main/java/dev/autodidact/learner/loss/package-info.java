/** Self-supervised losses as plain functions of NDArrays, one class per loss, each naming its paper and formula. */
package dev.autodidact.learner.loss;
