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

    private final SslMethod method;
    private final Optimizer optimizer;
    private final Modality modality;
    private final int chunkBytes;

    public ModelState(SslMethod method, Optimizer optimizer, Modality modality, int chunkBytes) {
        this.method = method;
        this.optimizer = optimizer;
        this.modality = modality;
        this.chunkBytes = chunkBytes;
    }

    /** Puts the checkpoint's weights, method state and optimizer moments back. */
    public void load(Checkpoint cp) {
        Map<String, byte[]> sections = new HashMap<>();
        cp.manifest().sections().forEach(s -> sections.put(s.name(), cp.section(s.name())));
        method.loadState(sections);
        if (sections.containsKey(OPTIMIZER)) {
            optimizer.load(sections.get(OPTIMIZER));
        }
    }

    /** The current state as the version after {@code lineage}'s, with {@code extraMetrics} in its manifest. */
    public Checkpoint snapshot(Lineage lineage, Map<String, Double> extraMetrics) {
        Map<String, byte[]> sections = new LinkedHashMap<>(method.saveState());
        sections.put(OPTIMIZER, optimizer.save());
        Map<String, Double> metrics = new HashMap<>(lineage.metrics());
        metrics.putAll(extraMetrics);
        CheckpointManifest draft = new CheckpointManifest(lineage.version() + 1, lineage.version(), method.name(),
                modality.id(), method.architecture(), lineage.step(), lineage.samplesSeen(), lineage.wireOffsets(),
                metrics, List.of(), 0, 0, "", System.currentTimeMillis(), lineage.wireTrainedAhead(),
                lineage.consumed());
        return CheckpointCodec.assemble(draft, sections, chunkBytes);
    }
}
