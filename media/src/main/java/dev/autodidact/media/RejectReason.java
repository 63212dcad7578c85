package dev.autodidact.media;

import java.util.Locale;

/**
 * Why a piece of media was rejected. The {@link #code()} is stable and bounded, so it can travel as a Kafka header
 * value on the dead-letter topic and serve as a metric tag.
 */
public enum RejectReason {
    /** No bytes at all. */
    EMPTY,
    /** More bytes than the configured limit; checked before decoding. */
    TOO_MANY_BYTES,
    /** Width, height or pixel count over the configured limits; checked from the header before decoding. */
    TOO_MANY_PIXELS,
    /** No decoder recognises the bytes, or the format is not one this project accepts. */
    UNSUPPORTED_FORMAT,
    /** A recognised format whose bytes cannot be decoded (truncated, damaged, inconsistent). */
    CORRUPT,
    /** Audio longer than the configured limit; computed from the header before any sample is decoded. */
    TOO_LONG;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /**
     * The stable wire form, lower case with hyphens, e.g. {@code "too-many-bytes"}.
     *
     * @return the code of this reason
     */
    public String code() {
        return code;
    }

    /**
     * The reason whose {@link #code()} is {@code code}.
     *
     * @param code a code as returned by {@link #code()}
     * @return the matching reason
     * @throws IllegalArgumentException if no reason has that code
     */
    public static RejectReason fromCode(String code) {
        for (RejectReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("Unknown reject reason code: " + code);
    }
}
