package dev.autodidact.media.source;

import java.io.IOException;
import java.io.InputStream;

/** Where the bytes of one media file come from; opened on demand so that nothing is held in memory in advance. */
@FunctionalInterface
public interface ByteSource {
    /**
     * @return a new stream over the bytes; the caller closes it
     * @throws IOException if the bytes cannot be opened
     */
    InputStream open() throws IOException;

    /**
     * @return all the bytes
     * @throws IOException if they cannot be read
     */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
