/**
 * The autodidact stream-app: a Kafka Streams application that turns raw media on {@code raw.<modality>} into
 * canonical records on {@code clean.<modality>}, training examples on {@code examples.<modality>.<method>}, and
 * sends everything it cannot use to the dead-letter topic with the reason in headers.
 *
 * <p>{@link dev.autodidact.streams.StreamAppConfig} holds the settings, {@link dev.autodidact.streams.ImageTopology}
 * builds the image topology, and {@link dev.autodidact.streams.StreamApp} creates the topics, starts Kafka Streams
 * and waits until it runs. Implementation lives in {@code internal}.
 */
package dev.autodidact.streams;
