package dev.autodidact.connectors.internal;

import dev.autodidact.media.source.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a file's bytes up to a limit, so that a file that grew past the limit after the scan is never held whole. */
public final class BoundedRead {
    private BoundedRead() {}

    /**
     * @param source where the bytes come from
     * @param maxBytes the most bytes accepted
     * @return the bytes, or empty if there are more than {@code maxBytes}
     * @throws IOException if they cannot be read
     */
    public static Optional<byte[]> readAtMost(ByteSource source, int maxBytes) throws IOException {
        try (InputStream in = source.open()) {
            byte[] bytes = in.readNBytes(maxBytes);
            return bytes.length == maxBytes && in.read() >= 0 ? Optional.empty() : Optional.of(bytes);
        }
    }
}
