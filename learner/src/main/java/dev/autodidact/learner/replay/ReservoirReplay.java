package dev.autodidact.learner.replay;

import dev.autodidact.schema.example.Example;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform sample of every input offered so far (Vitter's algorithm R): the first inputs fill the buffer; after
 * that the {@code n}-th replaces a random item with probability {@code k/n}, {@code k} the items held.
 */
final class ReservoirReplay extends BoundedItems {
    private final SplittableRandom random;
    private long seen;

    ReservoirReplay(long capacityBytes, long seed) {
        super(capacityBytes);
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String policy() {
        return "reservoir";
    }

    @Override
    public void offer(List<Example> inputs) {
        for (Example e : fitting(inputs)) {
            long size = sizeOf(e);
            seen++;
            if (bytes + size <= capacityBytes) {
                append(e);
                continue;
            }
            long pick = random.nextLong(seen);
            if (pick < items.size()) {
                swapRemove((int) pick);
                while (bytes + size > capacityBytes && !items.isEmpty()) {
                    swapRemove(random.nextInt(items.size()));
                }
                append(e);
            }
        }
    }

    @Override
    public long state() {
        return seen;
    }

    @Override
    public void restore(List<Example> restored, long state) {
        super.restore(restored, state);
        seen = Math.max(state, restored.size());
    }
}
