package dev.autodidact.learner.internal;

import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.optim.Optimizer;
import dev.autodidact.learner.train.Lineage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained state, the method's networks and state and the optimizer's moments, turned into a checkpoint (with the
 * lineage's step, samples and offsets in its manifest) and back.
 */
public final class ModelState {
    private static final String OPTIMIZER = "optimizer";

    /** State of the learner beyond the method and optimizer that a checkpoint carries (the replay buffer). */
    public interface Section {
        byte[] save();

        void load(byte[] bytes);

        /** A section saved by {@code save} and restored by {@code load}. */
        static Section of(java.util.function.Supplier<byte[]> save, java.util.function.Consumer<byte[]> load) {
            return new Section() {
                @Override
                public byte[] save() {
                    return save.get();
                }

                @Override
                public void load(byte[] bytes) {
                    load.accept(bytes);
                }
            };
        }
    }

    private final SslMethod method;
    private final Optimizer optimizer;
    private final Modality modality;
    private final int chunkBytes;
    private final Map<String, Section> extra = new LinkedHashMap<>();

    public ModelState(SslMethod method, Optimizer optimizer, Modality modality, int chunkBytes) {
        this.method = method;
        this.optimizer = optimizer;
        this.modality = modality;
        this.chunkBytes = chunkBytes;
    }

    /** Adds state saved as section {@code name}; a checkpoint without that section leaves it as it is. */
    public ModelState with(String name, Section section) {
        extra.put(name, section);
        return this;
    }

    /**
     * Puts the checkpoint's weights, method state and optimizer moments back.
     *
     * @throws IllegalStateException if the method cannot hold the checkpoint's networks
     *     ({@link SslMethod#checkCheckpoint}) or a section does not fit
     */
    public void load(Checkpoint cp) {
        method.checkCheckpoint(cp.manifest().architecture());
        Map<String, byte[]> sections = new HashMap<>();
        cp.manifest().sections().forEach(s -> sections.put(s.name(), cp.section(s.name())));
        method.loadState(sections);
        if (sections.containsKey(OPTIMIZER)) {
            optimizer.load(sections.get(OPTIMIZER));
        }
        extra.forEach((name, section) -> {
            if (sections.containsKey(name)) {
                section.load(sections.get(name));
            }
        });
    }

    /** The current state as the version after {@code lineage}'s, with {@code extraMetrics} in its manifest. */
    public Checkpoint snapshot(Lineage lineage, Map<String, Double> extraMetrics) {
        Map<String, byte[]> sections = new LinkedHashMap<>(method.saveState());
        sections.put(OPTIMIZER, optimizer.save());
        extra.forEach((name, section) -> sections.put(name, section.save()));
        Map<String, Double> metrics = new HashMap<>(lineage.metrics());
        metrics.putAll(extraMetrics);
        CheckpointManifest draft = new CheckpointManifest(
                lineage.version() + 1,
                lineage.version(),
                method.name(),
                modality.id(),
                method.architecture(),
                lineage.step(),
                lineage.samplesSeen(),
                lineage.wireOffsets(),
                metrics,
                List.of(),
                0,
                0,
                "",
                System.currentTimeMillis(),
                lineage.wireTrainedAhead(),
                lineage.consumed());
        return CheckpointCodec.assemble(draft, sections, chunkBytes);
    }
}
