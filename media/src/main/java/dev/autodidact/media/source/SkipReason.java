package dev.autodidact.media.source;

/** Why a walk left something out; bounded, so usable as a metric tag. */
public enum SkipReason {
    /** A zip entry whose header declares more than {@link ZipLimits#maxEntryBytes()}. */
    ENTRY_TOO_LARGE,
    /** A zip archive with more than {@link ZipLimits#maxEntries()} entries; none of them is yielded. */
    TOO_MANY_ENTRIES,
    /** A symbolic link (to a file or a directory) whose target lies outside the walked root. */
    LINK_OUTSIDE_ROOT
}
