package dev.autodidact.learner.replay;

import dev.autodidact.schema.example.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The storage the policies share: items in a list, their total bytes, and uniform sampling. */
abstract class BoundedItems implements ReplayBuffer {
    final long capacityBytes;
    final List<Example> items = new ArrayList<>();
    long bytes;

    BoundedItems(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** The inputs of {@code offered} that fit the buffer at all (larger ones are passed over). */
    List<Example> fitting(List<Example> offered) {
        return offered.stream().filter(e -> sizeOf(e) <= capacityBytes).toList();
    }

    static long sizeOf(Example e) {
        return e.arrays().values().stream().mapToLong(t -> t.bytes().length).sum();
    }

    void append(Example e) {
        items.add(e);
        bytes += sizeOf(e);
    }

    /** Removes item {@code i} by moving the last item into its place; returns the removed item. */
    Example swapRemove(int i) {
        int last = items.size() - 1;
        Example removed = items.get(i);
        items.set(i, items.get(last));
        items.remove(last);
        bytes -= sizeOf(removed);
        return removed;
    }

    @Override
    public List<Example> sample(int n, SplittableRandom random) {
        List<Example> out = new ArrayList<>(Math.min(n, items.size()));
        for (int i = 0; i < n && !items.isEmpty(); i++) {
            out.add(items.get(random.nextInt(items.size())));
        }
        return out;
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public List<Example> items() {
        return List.copyOf(items);
    }

    @Override
    public long state() {
        return 0;
    }

    @Override
    public void restore(List<Example> restored, long state) {
        items.clear();
        bytes = 0;
        restored.forEach(this::append);
    }
}
