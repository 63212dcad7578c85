/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) that runs inside the JVM.
 *
 * <p>{@link dev.autodidact.broker.EmbeddedKafkaBroker} backs the laptop demo, which the CLI wraps, and every
 * integration test ({@code *IT}); it needs neither Docker nor a Kafka installation.
 */
package dev.autodidact.broker;
