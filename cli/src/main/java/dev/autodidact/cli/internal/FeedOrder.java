package dev.autodidact.cli.internal;

import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The order in which a {@link RawFeeder} publishes a folder, pass after pass. A learner fed class after class sees a
 * stream whose distribution drifts (the hard case for online learning); one fed a fresh permutation each pass sees
 * what an offline data loader would give it. {@link #toString()} is the command-line name.
 */
public enum FeedOrder {
    /** {@link MediaFiles}' walk order, the same every pass: each directory's and archive's entries sorted by name. */
    SORTED,
    /**
     * Class after class, classes sorted by {@link MediaFile#label()} (files directly in the root, which have none,
     * first), each class's files in walk order.
     */
    BY_CLASS,
    /** A permutation of all files, drawn afresh for each pass from the seed and the pass number. */
    SHUFFLED;

    /** Orders a class's files after one another, in walk order within a class (the sort is stable). */
    private static final Comparator<MediaFile> BY_LABEL =
            Comparator.comparing(MediaFile::label, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * The files of pass {@code pass} in this order; a pure function of its arguments, so runs are reproducible.
     *
     * @param listing the files in walk order, not changed
     * @param seed the run's seed; used by {@link #SHUFFLED} only
     * @param pass the pass number, 0 for the first
     * @return a new list holding the same files
     */
    public List<MediaFile> arrange(List<MediaFile> listing, long seed, long pass) {
        List<MediaFile> files = new ArrayList<>(listing);
        switch (this) {
            case SORTED -> {}
            case BY_CLASS -> files.sort(BY_LABEL);
            case SHUFFLED -> Collections.shuffle(files, new Random(passSeed(seed, pass)));
            default -> throw new IllegalStateException("Unhandled order " + this);
        }
        return files;
    }

    /** @return the command-line name: {@code sorted}, {@code by-class}, {@code shuffled} */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Output {@code pass} of a SplitMix64 sequence started at {@code seed} (Steele, Lea and Flood 2014): neighbouring
     * seeds and passes give unrelated {@link Random} seeds, which plain {@code seed + pass} would not (the first draws
     * of {@code Random} from neighbouring seeds are correlated).
     */
    static long passSeed(long seed, long pass) {
        long z = seed + (pass + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
