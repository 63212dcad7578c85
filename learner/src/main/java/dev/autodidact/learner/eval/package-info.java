/**
 * Evaluation maths on frozen embeddings, in plain Java on {@code float} arrays: the labelled {@link
 * dev.autodidact.learner.eval.FeatureSet}, the weighted {@link dev.autodidact.learner.eval.KnnClassifier} and the
 * {@link dev.autodidact.learner.eval.LinearProbe} (top-1 accuracy with labels), and the label-free {@link
 * dev.autodidact.learner.eval.RepresentationStats} (collapse, effective rank, alignment and uniformity).
 *
 * <p>Nothing here touches DJL or Kafka: callers extract the embeddings first and hand over arrays.
 */
package dev.autodidact.learner.eval;
