package dev.autodidact.media.source;

import java.io.IOException;

/**
 * A zip entry inflated beyond {@link ZipLimits#maxEntryBytes()} while it was read, whatever its header declared. The
 * read stops there; nothing beyond the cap is buffered. Callers skip the entry and go on with the others.
 */
public final class EntryTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final long limit;

    /**
     * @param id the entry's id, e.g. {@code cat.zip!/0001.jpg}
     * @param limit the cap it exceeded, in bytes
     */
    public EntryTooLargeException(String id, long limit) {
        super(id + " inflates beyond the limit of " + limit + " bytes per zip entry; not read further");
        this.id = id;
        this.limit = limit;
    }

    /** @return the entry's id */
    public String id() {
        return id;
    }

    /** @return the cap it exceeded, in bytes */
    public long limit() {
        return limit;
    }
}
