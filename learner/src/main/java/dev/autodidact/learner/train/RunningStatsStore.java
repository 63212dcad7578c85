package dev.autodidact.learner.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training loop's parameter store, which also lets a step undo what its forward pass did to batch-norm running
 * statistics. Batch norm in training mode updates its running mean and variance in place while the loss is computed,
 * before anyone knows whether the loss is finite; a skipped step must leave them as they were, or one bad batch
 * poisons every later inference. Every network a method runs goes through this store, so the first time a step reads
 * a running statistic it is copied into a buffer of the same shape (allocated once, reused every step), and
 * {@link #restore()} copies the buffers back. Both copies run on the engine, in place; the buffers live on a
 * sub-manager of the root, so memory stays flat.
 */
final class RunningStatsStore extends ParameterStore {
    private static final NDIndex ALL = new NDIndex("...");

    private final NDManager buffers;
    private final Map<String, NDArray> saved = new HashMap<>();
    /** Parameter id to the array the forward pass updates, for the statistics read since {@link #begin()}. */
    private final Map<String, NDArray> readThisStep = new LinkedHashMap<>();

    RunningStatsStore(NDManager root) {
        super(root, false);
        this.buffers = root.newSubManager();
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        NDArray value = super.getValue(parameter, device, training);
        if (isRunningStatistic(parameter) && readThisStep.putIfAbsent(parameter.getId(), value) == null) {
            snapshot(parameter.getId(), value);
        }
        return value;
    }

    private void snapshot(String id, NDArray value) {
        NDArray buffer = saved.get(id);
        if (buffer == null || !buffer.getShape().equals(value.getShape())) {
            if (buffer != null) {
                buffer.close();
            }
            buffer = value.duplicate();
            buffer.attach(buffers);
            saved.put(id, buffer);
        } else {
            buffer.set(ALL, value);
        }
    }

    /** Starts a step: forgets which statistics the previous step read. */
    void begin() {
        readThisStep.clear();
    }

    /** Puts back the running statistics the current step's forward pass read, as they were before it. */
    void restore() {
        readThisStep.forEach((id, live) -> live.set(ALL, saved.get(id)));
        readThisStep.clear();
    }

    private static boolean isRunningStatistic(Parameter parameter) {
        if (parameter == null) {
            return false;
        }
        Parameter.Type type = parameter.getType();
        return type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR;
    }
}
