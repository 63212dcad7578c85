/**
 * Test support for other modules' integration tests, shipped in the broker's test-jar
 * ({@code <type>test-jar</type>}, test scope): {@link dev.autodidact.broker.testing.KafkaBrokerExtension} starts an
 * {@link dev.autodidact.broker.EmbeddedKafkaBroker} per test class.
 *
 * <p>It lives in the test sources, not the main jar, so that JUnit stays off the launcher's class path.
 */
package dev.autodidact.broker.testing;
