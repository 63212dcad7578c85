package dev.autodidact.learner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.autodidact.schema.checkpoint.CheckpointLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer with per-parameter state arrays ("slots", e.g. Adam's two moments) owned by one manager, and the
 * update count. The state is written in a stable binary form: format, updates, parameter count, then per parameter
 * (sorted by name) its name and each slot's encoded array. Subclasses give the per-parameter update.
 */
abstract class StatefulOptimizer implements Optimizer {
    private final NDManager manager;
    private final int format;
    private final List<Map<String, NDArray>> slots = new ArrayList<>();
    private long updates;

    /**
     * @param format the state format number, distinct per optimizer so that one never loads another's state
     * @param slotCount state arrays per parameter
     */
    StatefulOptimizer(NDManager parent, int format, int slotCount) {
        this.manager = parent.newSubManager();
        this.format = format;
        for (int i = 0; i < slotCount; i++) {
            slots.add(new HashMap<>());
        }
    }

    /**
     * Updates one weight in place from its gradient.
     *
     * @param id the parameter's name, for {@link #slot(int, String, NDArray)}
     * @param updates the number of this update, from 1
     */
    abstract void update(NDArray weight, NDArray grad, String id, float learningRate, long updates);

    @Override
    public final void step(List<Pair<String, Parameter>> parameters, float learningRate) {
        updates++;
        for (Pair<String, Parameter> p : parameters) {
            NDArray weight = p.getValue().getArray();
            if (!weight.hasGradient()) {
                continue;
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray grad = weight.getGradient();
                grad.attach(scope);
                update(weight, grad, p.getKey(), learningRate, updates);
            }
        }
    }

    /** @return slot {@code slot} of parameter {@code id}, created as zeros shaped like {@code weight} */
    final NDArray slot(int slot, String id, NDArray weight) {
        return slots.get(slot).computeIfAbsent(id, k -> {
            NDArray z = manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            z.setName(id);
            return z;
        });
    }

    @Override
    public final long updates() {
        return updates;
    }

    @Override
    public final byte[] save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(format);
            out.writeLong(updates);
            Map<String, NDArray> first = slots.get(0);
            out.writeInt(first.size());
            for (String id : first.keySet().stream().sorted().toList()) {
                out.writeUTF(id);
                for (Map<String, NDArray> slot : slots) {
                    byte[] encoded = slot.get(id).encode();
                    out.writeInt(encoded.length);
                    out.write(encoded);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final void load(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int found = in.readInt();
            if (found != format) {
                throw new IllegalArgumentException("Optimizer state has format " + found + ", expected " + format
                        + " (was it written by another optimizer?)");
            }
            updates = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > state.length) {
                throw new IllegalArgumentException(
                        "Optimizer state lists " + n + " parameters in " + state.length + " bytes");
            }
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                for (Map<String, NDArray> slot : slots) {
                    byte[] encoded =
                            new byte[CheckpointLimits.checkedLength(in.readInt(), in.available(), "optimizer state")];
                    in.readFully(encoded);
                    NDArray old = slot.put(id, NDArray.decode(manager, encoded));
                    if (old != null) {
                        old.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public final void close() {
        manager.close();
    }
}
