package dev.autodidact.schema.example;

import java.util.regex.Pattern;

/**
 * The array names examples use, so that producers and consumers agree without a schema per method. Encoder inputs
 * are {@link #INPUT} (a clean record) and {@code view.<i>} (augmented views); everything else is passed to the method
 * as is.
 */
public final class ArrayNames {
    /** The canonical input of a clean record. */
    public static final String INPUT = "input";
    /** Prefix of the augmented views of a training example: {@code view.0}, {@code view.1}, ... */
    public static final String VIEW_PREFIX = "view.";
    /** Mask over patches, frames or tokens (1 = masked). */
    public static final String MASK = "mask";
    /** Indices of the masked (or kept) positions. */
    public static final String MASK_INDEX = "mask.index";
    /** What the method predicts: pixels, a rotation or permutation index, token ids. */
    public static final String TARGET = "target";
    /** Token ids of a text. */
    public static final String TOKENS = "tokens";
    /** Valid length of a padded sequence. */
    public static final String LENGTH = "length";
    /**
     * Which source an example was drawn from, i64 {@code [1]}: a hash of its record's key (the file id that ingest,
     * pretrain and the Connect source give a file), so that the examples of one image, from every pass over a feed that
     * repeats, share it. The learner adds it when it reads an example; it is not on the wire.
     */
    public static final String SOURCE_ID = "source.id";

    private static final Pattern VALID = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    /** Longest name accepted. */
    public static final int MAX_LENGTH = 64;

    private ArrayNames() {}

    public static String view(int index) {
        return VIEW_PREFIX + index;
    }

    /** Whether {@code name} is an encoder input (the clean input or a view) rather than a mask or target. */
    public static boolean isEncoderInput(String name) {
        return INPUT.equals(name) || name.startsWith(VIEW_PREFIX);
    }

    /** @throws IllegalArgumentException unless {@code name} is lower-case words joined by dots, at most 64 chars */
    public static String check(String name) {
        if (name == null || name.length() > MAX_LENGTH || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid array name '" + name + "'");
        }
        return name;
    }
}
