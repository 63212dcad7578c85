package dev.autodidact.schema.checkpoint;

import dev.autodidact.schema.checkpoint.CheckpointException.Reason;
import java.util.List;
import java.util.Map;

/**
 * Caps on everything a manifest declares, checked before a byte is allocated for it: a manifest read from a topic or
 * a file is input like any other. {@link #check} also checks that the section table tiles the payload exactly.
 */
public final class CheckpointLimits {
    /** Largest manifest accepted, in bytes. */
    public static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** Largest payload accepted: 1 GiB. */
    public static final long MAX_PAYLOAD_BYTES = 1L << 30;
    /** Most chunk records one checkpoint may have. */
    public static final int MAX_CHUNKS = 1 << 16;
    /** Most sections, architecture entries, metrics and offsets a manifest may list. */
    public static final int MAX_ENTRIES = 4096;
    /** Longest name or architecture value. */
    public static final int MAX_STRING_CHARS = 1024;
    /** Most offset ranges in a manifest's {@code trainedAhead} and {@code consumed} together. */
    public static final int MAX_RANGES = 32768;

    private CheckpointLimits() {}

    /**
     * @throws CheckpointException if a size is over its cap or the sections do not tile the payload
     */
    public static void check(CheckpointManifest m) {
        require(
                m.version() > 0 && m.parentVersion() >= 0 && m.parentVersion() < m.version(),
                Reason.CORRUPT,
                "version " + m.version() + " with parent " + m.parentVersion());
        require(
                m.method() != null
                        && !m.method().isEmpty()
                        && m.method().length() <= MAX_STRING_CHARS
                        && m.method().indexOf('/') < 0,
                Reason.CORRUPT,
                "method '" + m.method() + "'");
        require(
                m.payloadBytes() >= 0 && m.payloadBytes() <= MAX_PAYLOAD_BYTES,
                Reason.TOO_LARGE,
                m.payloadBytes() + " payload bytes (at most " + MAX_PAYLOAD_BYTES + ")");
        require(m.chunks() >= 1 && m.chunks() <= MAX_CHUNKS, Reason.TOO_LARGE, m.chunks() + " chunks");
        long ranges = m.trainedAhead().values().stream().mapToLong(List::size).sum()
                + m.consumed().values().stream().mapToLong(List::size).sum();
        require(
                ranges <= MAX_RANGES
                        && m.trainedAhead().size() <= MAX_ENTRIES
                        && m.consumed().size() <= MAX_ENTRIES,
                Reason.TOO_LARGE,
                ranges + " offset ranges (at most " + MAX_RANGES + ")");
        require(
                m.sections().size() <= MAX_ENTRIES
                        && m.architecture().size() <= MAX_ENTRIES
                        && m.metrics().size() <= MAX_ENTRIES
                        && m.offsets().size() <= MAX_ENTRIES,
                Reason.TOO_LARGE,
                "too many entries");
        checkStrings(m.architecture());
        long next = 0;
        for (CheckpointSection s : m.sections()) {
            require(
                    s.offset() == next && s.length() >= 0 && s.length() <= m.payloadBytes() - s.offset(),
                    Reason.CORRUPT,
                    "section " + s.name() + " at " + s.offset() + "+" + s.length() + " of " + m.payloadBytes());
            next = s.offset() + s.length();
        }
        require(
                next == m.payloadBytes(),
                Reason.CORRUPT,
                "sections cover " + next + " of " + m.payloadBytes() + " payload bytes");
    }

    /**
     * A length read from checkpoint bytes (optimizer or method state), checked against the bytes that remain before
     * anything is allocated.
     *
     * @throws CheckpointException if it is negative or longer than what remains
     */
    public static int checkedLength(int length, int remaining, String what) {
        require(
                length >= 0 && length <= remaining,
                Reason.CORRUPT,
                "the " + what + " declares " + length + " bytes where " + remaining + " remain");
        return length;
    }

    private static void checkStrings(Map<String, String> entries) {
        entries.forEach((k, v) -> require(
                k.length() <= MAX_STRING_CHARS && v != null && v.length() <= MAX_STRING_CHARS,
                Reason.TOO_LARGE,
                "architecture entry " + k));
    }

    private static void require(boolean ok, Reason reason, String what) {
        if (!ok) {
            throw new CheckpointException(reason, "Checkpoint manifest refused: " + what);
        }
    }
}
