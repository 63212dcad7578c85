package dev.autodidact.learner.replay;

import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mixes replayed inputs into the stream's batches: once the buffer holds enough, {@code ratio} of each batch is drawn
 * from it and re-augmented by the modality's kit with a seed of its own (step and slot), so a replayed input comes
 * back as new views, never as the views it was first trained on. After each step as many fresh inputs as were
 * replayed are offered to the buffer, stripped of their views (the clean {@code input} and the metadata that says how
 * to augment it are all it keeps), and the buffer is told which items were replayed (minred refreshes their
 * embeddings). Replayed examples carry no offsets: they never count as consumed.
 */
public final class ReplayMixer {
    private final ReplayBuffer buffer;
    private final ModalityKit kit;
    private final double ratio;
    private final long seed;

    public ReplayMixer(ReplayBuffer buffer, ModalityKit kit, double ratio, long seed) {
        this.buffer = buffer;
        this.kit = kit;
        this.ratio = ratio;
        this.seed = seed;
    }

    public ReplayBuffer buffer() {
        return buffer;
    }

    /** How many of a batch of {@code batchSize} to replay now: 0 until the buffer holds that many several times over. */
    public int replayCount(int batchSize) {
        int r = (int) Math.round(ratio * batchSize);
        return buffer.size() >= 4L * r ? Math.min(r, batchSize - 1) : 0;
    }

    /** {@code fresh} with {@code count} re-augmented replayed examples appended; then offers fresh inputs. */
    public ExampleBatch mix(ExampleBatch fresh, int count, long step) {
        SplittableRandom random = new SplittableRandom(seed ^ (step * 0x9E3779B97F4A7C15L));
        List<Example> stored = buffer.sample(count, random);
        List<Example> replayed = new ArrayList<>(count);
        for (Example item : stored) {
            replayed.add(withSource(kit.reaugment(item, random.nextLong()), item));
        }
        offer(fresh.examples(), Math.max(count, (int) Math.round(ratio * fresh.size())), random, stored);
        return fresh.withReplayed(replayed);
    }

    private void offer(List<Example> fresh, int count, SplittableRandom random, List<Example> replayedItems) {
        List<Example> candidates = new ArrayList<>();
        for (Example e : fresh) {
            if (e.has(ArrayNames.INPUT)) {
                candidates.add(e);
            }
        }
        List<Example> offered = new ArrayList<>(count);
        for (int i = 0; i < count && !candidates.isEmpty(); i++) {
            offered.add(inputOnly(candidates.remove(random.nextInt(candidates.size()))));
        }
        buffer.offer(offered, replayedItems);
    }

    /** {@code redrawn} with the source id of the stored item it was drawn from, which the kit's redraw does not copy. */
    private static Example withSource(Example redrawn, Example stored) {
        if (!stored.has(ArrayNames.SOURCE_ID) || redrawn.has(ArrayNames.SOURCE_ID)) {
            return redrawn;
        }
        Example.Builder b = new Example.Builder();
        redrawn.metadata().forEach(b::meta);
        redrawn.arrays().forEach(b::put);
        return b.put(ArrayNames.SOURCE_ID, stored.array(ArrayNames.SOURCE_ID)).build();
    }

    /** The clean input, source id (when it has one) and metadata of {@code e}, without its views. */
    static Example inputOnly(Example e) {
        Example.Builder b = new Example.Builder();
        e.metadata().forEach(b::meta);
        if (e.has(ArrayNames.SOURCE_ID)) {
            b.put(ArrayNames.SOURCE_ID, e.array(ArrayNames.SOURCE_ID));
        }
        return b.put(ArrayNames.INPUT, e.array(ArrayNames.INPUT)).build();
    }
}
