package dev.autodidact.cli.report;

import dev.autodidact.schema.checkpoint.CheckpointManifest;
import java.util.function.ToDoubleFunction;

/** What the report's line charts put on the horizontal axis. */
public enum XAxis {
    /** Optimizer steps since random initialisation. */
    STEP("step", m -> m.step()),
    /** Checkpoint version. */
    VERSION("version", m -> m.version()),
    /** Examples trained on since random initialisation. */
    SAMPLES("samples seen", m -> m.samplesSeen());

    private final String label;
    private final ToDoubleFunction<CheckpointManifest> value;

    XAxis(String label, ToDoubleFunction<CheckpointManifest> value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public double of(CheckpointManifest manifest) {
        return value.applyAsDouble(manifest);
    }
}
