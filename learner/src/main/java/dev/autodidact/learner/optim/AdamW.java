package dev.autodidact.learner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019) on the engine's fused update, with
 * its moments kept here so that they can be written into a checkpoint and read back: DJL's own optimizers keep them
 * private. {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= lr (m_hat / (sqrt(v_hat) + eps) + wd w)}.
 */
public final class AdamW implements AutoCloseable {
    private static final int FORMAT = 1;

    private final NDManager manager;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private long updates;

    public AdamW(NDManager parent, float weightDecay) {
        this(parent, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    public AdamW(NDManager parent, float beta1, float beta2, float epsilon, float weightDecay) {
        this.manager = parent.newSubManager();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** Applies one update to every parameter that has a gradient, then zeroes the gradients. */
    public void step(List<Pair<String, Parameter>> parameters, float learningRate) {
        updates++;
        double coef1 = 1.0 - Math.pow(beta1, updates);
        double coef2 = 1.0 - Math.pow(beta2, updates);
        float lrCorrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        for (Pair<String, Parameter> p : parameters) {
            NDArray weight = p.getValue().getArray();
            if (!weight.hasGradient()) {
                continue;
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray grad = weight.getGradient();
                grad.attach(scope);
                NDList inputs = new NDList(weight, grad, state(means, p.getKey(), weight),
                        state(variances, p.getKey(), weight));
                weight.getNDArrayInternal().adamUpdate(inputs, new NDList(weight), learningRate, lrCorrected,
                        weightDecay, 1f, -1f, beta1, beta2, epsilon, true, true);
            }
        }
    }

    /** Zeroes gradients without updating, e.g. after a non-finite loss. */
    public static void zeroGradients(List<Pair<String, Parameter>> parameters, NDManager scope) {
        for (Pair<String, Parameter> p : parameters) {
            NDArray weight = p.getValue().getArray();
            if (weight.hasGradient()) {
                NDArray grad = weight.getGradient();
                grad.attach(scope);
                grad.set(new NDIndex("..."), 0f);
            }
        }
    }

    public long updates() {
        return updates;
    }

    private NDArray state(Map<String, NDArray> states, String id, NDArray weight) {
        return states.computeIfAbsent(id, k -> {
            NDArray z = manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            z.setName(id);
            return z;
        });
    }

    /** Moments and update count, in a stable binary form. */
    public byte[] save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(updates);
            out.writeInt(means.size());
            for (String id : means.keySet().stream().sorted().toList()) {
                out.writeUTF(id);
                writeArray(out, means.get(id));
                writeArray(out, variances.get(id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores what {@link #save()} wrote. */
    public void load(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            if (in.readInt() != FORMAT) {
                throw new IllegalArgumentException("Unknown optimizer state format");
            }
            updates = in.readLong();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                replace(means, id, readArray(in));
                replace(variances, id, readArray(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replace(Map<String, NDArray> states, String id, NDArray value) {
        NDArray old = states.put(id, value);
        if (old != null) {
            old.close();
        }
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] encoded = array.encode();
        out.writeInt(encoded.length);
        out.write(encoded);
    }

    private NDArray readArray(DataInputStream in) throws IOException {
        byte[] encoded = new byte[in.readInt()];
        in.readFully(encoded);
        return NDArray.decode(manager, encoded);
    }

    @Override
    public void close() {
        manager.close();
    }
}
