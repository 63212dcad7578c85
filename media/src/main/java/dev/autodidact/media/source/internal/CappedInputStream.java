package dev.autodidact.media.source.internal;

import dev.autodidact.media.source.EntryTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through and throws {@link EntryTooLargeException} as soon as the underlying
 * stream has more, so that a caller reading to the end never holds more than the limit.
 */
public final class CappedInputStream extends FilterInputStream {
    private final String id;
    private final long limit;
    private long remaining;

    /**
     * @param in the stream to cap; closed with this one
     * @param limit the most bytes passed through
     * @param id what the bytes are, for the exception
     */
    public CappedInputStream(InputStream in, long limit, String id) {
        super(in);
        this.id = id;
        this.limit = limit;
        this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            if (in.read() < 0) {
                return -1;
            }
            throw new EntryTooLargeException(id, limit);
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
