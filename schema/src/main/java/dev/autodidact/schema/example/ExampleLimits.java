package dev.autodidact.schema.example;

import dev.autodidact.schema.Topics;

/** Caps checked while an example is read, before anything sized by the record is allocated. */
public final class ExampleLimits {
    /** Largest example record: the examples topics' maximum message size. */
    public static final int MAX_RECORD_BYTES = Topics.MAX_MESSAGE_BYTES;
    /** Largest JSON header. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Most arrays in one example (views, masks, targets). */
    public static final int MAX_ARRAYS = 128;
    /** Highest rank of one array. */
    public static final int MAX_RANK = 6;
    /** Most metadata entries, and the longest metadata value. */
    public static final int MAX_METADATA = 32;

    public static final int MAX_METADATA_VALUE = 1024;

    private ExampleLimits() {}
}
