package dev.autodidact.learner.replay;

import dev.autodidact.schema.example.Example;
import java.util.List;

/** Keeps the most recent inputs: items in arrival order, the oldest evicted first when full. */
final class FifoReplay extends BoundedItems {

    FifoReplay(long capacityBytes) {
        super(capacityBytes);
    }

    @Override
    public String policy() {
        return "fifo";
    }

    @Override
    public void offer(List<Example> inputs) {
        for (Example e : fitting(inputs)) {
            long size = sizeOf(e);
            while (bytes + size > capacityBytes) {
                bytes -= sizeOf(items.remove(0));
            }
            append(e);
        }
    }
}
