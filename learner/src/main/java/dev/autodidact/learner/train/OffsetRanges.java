package dev.autodidact.learner.train;

import dev.autodidact.schema.checkpoint.OffsetRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Offsets as sorted, disjoint {@code [from, to)} ranges, the way manifests store them. */
public final class OffsetRanges {
    private OffsetRanges() {}

    /** Runs of consecutive offsets in {@code offsets}. */
    public static List<OffsetRange> of(Collection<Long> offsets) {
        List<OffsetRange> out = new ArrayList<>();
        long from = -1;
        long to = -1;
        for (long o : new TreeSet<>(offsets)) {
            if (o == to) {
                to++;
            } else {
                if (from >= 0) {
                    out.add(new OffsetRange(from, to));
                }
                from = o;
                to = o + 1;
            }
        }
        if (from >= 0) {
            out.add(new OffsetRange(from, to));
        }
        return out;
    }

    /** Every offset of {@code ranges}, ascending. */
    public static List<Long> offsets(Collection<OffsetRange> ranges) {
        List<Long> out = new ArrayList<>();
        for (OffsetRange r : ranges) {
            for (long o = r.from(); o < r.to(); o++) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * What a step from the trained set {@code [0, fromWatermark) ∪ fromAhead} to {@code [0, toWatermark) ∪ toAhead}
     * added: {@code ([fromWatermark, toWatermark) ∪ toAhead) \ fromAhead}, as ranges. Both sets only grow, so the
     * ranges of consecutive versions add up to everything consumed.
     */
    public static List<OffsetRange> added(
            long fromWatermark, Collection<Long> fromAhead, long toWatermark, Collection<Long> toAhead) {
        TreeSet<Long> skip = new TreeSet<>(fromAhead);
        List<OffsetRange> out = new ArrayList<>();
        long start = fromWatermark;
        for (long o : skip.subSet(fromWatermark, true, toWatermark, false)) {
            if (o > start) {
                out.add(new OffsetRange(start, o));
            }
            start = o + 1;
        }
        if (toWatermark > start) {
            out.add(new OffsetRange(start, toWatermark));
        }
        TreeSet<Long> ahead = new TreeSet<>(toAhead);
        ahead.removeAll(skip);
        List<OffsetRange> merged = new ArrayList<>(out);
        merged.addAll(of(ahead));
        merged.sort(java.util.Comparator.comparingLong(OffsetRange::from));
        return coalesce(merged);
    }

    private static List<OffsetRange> coalesce(List<OffsetRange> sorted) {
        List<OffsetRange> out = new ArrayList<>();
        for (OffsetRange r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).to() == r.from()) {
                OffsetRange last = out.remove(out.size() - 1);
                out.add(new OffsetRange(last.from(), r.to()));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
