package dev.autodidact.media.source;

/**
 * How much of a zip archive is read, so that an archive cannot exhaust memory (a zip bomb): entries per archive and
 * decompressed bytes per entry. The byte cap is enforced on the inflated stream itself, whatever size the entry's
 * header declares; an entry that declares more is skipped before anything is read.
 *
 * @param maxEntryBytes the most decompressed bytes read from one entry
 * @param maxEntries the most entries an archive may hold (all entries, directories included); a larger archive is
 *     skipped whole
 */
public record ZipLimits(long maxEntryBytes, int maxEntries) {
    /**
     * 64 MiB per entry (far above any image the pipeline accepts; the raw topic takes 16 MiB records) and 250,000
     * entries per archive (a CIFAR-10 split in one archive is 50,000).
     */
    public static final ZipLimits DEFAULT = new ZipLimits(64L << 20, 250_000);

    /** Checks that both limits are positive. */
    public ZipLimits {
        if (maxEntryBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException(
                    "Zip limits must be positive: " + maxEntryBytes + " bytes, " + maxEntries + " entries");
        }
    }
}
