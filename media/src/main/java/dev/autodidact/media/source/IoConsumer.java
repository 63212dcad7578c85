package dev.autodidact.media.source;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, so that callbacks can read bytes and write output without wrapping.
 *
 * @param <T> the type consumed
 */
@FunctionalInterface
public interface IoConsumer<T> {
    /**
     * @param value the value to consume
     * @throws IOException if consuming it fails; the walk stops and rethrows it
     */
    void accept(T value) throws IOException;
}
