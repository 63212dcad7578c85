package dev.autodidact.schema;

import java.util.Locale;

/** The kinds of media autodidact learns from. Each has its own raw, clean, example and embedding topics. */
public enum Modality {
    IMAGE,
    AUDIO,
    TEXT;

    /** The lower-case name used in topic names, headers and metric tags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (case-insensitive). */
    public static Modality of(String id) {
        for (Modality m : values()) {
            if (m.id().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown modality '" + id + "'; expected one of image, audio, text");
    }
}
