/**
 * Media handling in plain Java: decode, validate, canonicalize and augment media, per modality. No Kafka and no DJL:
 * the stream-app, the learner's replay buffer and the embedder's upload path all share this code. This root package
 * holds what every modality shares: the rejection type and its reasons.
 */
package dev.autodidact.media;
