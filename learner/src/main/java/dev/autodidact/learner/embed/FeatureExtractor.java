package dev.autodidact.learner.embed;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.method.BlockState;
import dev.autodidact.learner.method.SslMethod;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderArchitectures;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A frozen encoder in inference mode (batch norm uses its running statistics) that maps canonical inputs of any
 * modality to feature vectors. Built from a checkpoint (its architecture from the manifest, its weights from the
 * {@link SslMethod#ENCODER_SECTION} section), or with random weights as the baseline evaluation compares against.
 */
public final class FeatureExtractor implements AutoCloseable {
    private static final int BATCH = 256;

    private final NDManager manager;
    private final Block encoder;
    private final EncoderArchitecture spec;
    private final ParameterStore store;
    private final long version;
    private final String method;

    private FeatureExtractor(EncoderArchitecture spec, long version, String method) {
        this.manager = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
        this.spec = spec;
        this.version = version;
        this.method = method;
        this.encoder = spec.build(manager);
        this.store = new ParameterStore(manager, false);
    }

    /** The encoder of {@code checkpoint}. */
    public static FeatureExtractor fromCheckpoint(Checkpoint checkpoint) {
        FeatureExtractor fx = new FeatureExtractor(
                EncoderArchitectures.fromMap(checkpoint.manifest().architecture()),
                checkpoint.manifest().version(),
                checkpoint.manifest().method());
        try {
            BlockState.load(fx.encoder, fx.manager, checkpoint.section(SslMethod.ENCODER_SECTION));
        } catch (RuntimeException e) {
            fx.close();
            throw e;
        }
        return fx;
    }

    /** The same architecture with freshly initialised weights (version 0). */
    public static FeatureExtractor randomInit(EncoderArchitecture spec, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return new FeatureExtractor(spec, 0, "random-init");
    }

    public EncoderArchitecture spec() {
        return spec;
    }

    public long version() {
        return version;
    }

    /** The SSL method that trained the weights. */
    public String method() {
        return method;
    }

    public int dimension() {
        return spec.featureDim();
    }

    /** One feature vector per input, in order. Inputs must be canonical inputs of {@link #spec()}. */
    public float[][] embed(List<Tensor> inputs) {
        return embed(manager, store, encoder, spec, inputs);
    }

    /**
     * Embeds {@code inputs} with any encoder in inference mode (batch norm uses running statistics, nothing is
     * updated), in batches, each on a sub-manager of {@code manager} closed before the next.
     */
    public static float[][] embed(
            NDManager manager, ParameterStore store, Block encoder, EncoderArchitecture spec, List<Tensor> inputs) {
        List<float[]> out = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += BATCH) {
            List<Tensor> chunk = inputs.subList(from, Math.min(inputs.size(), from + BATCH));
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = spec.input(scope, chunk);
                NDArray features = encoder.forward(store, new NDList(x), false).singletonOrThrow();
                float[] flat = features.toFloatArray();
                int d = (int) features.getShape().get(1);
                for (int i = 0; i < chunk.size(); i++) {
                    float[] row = new float[d];
                    System.arraycopy(flat, i * d, row, 0, d);
                    out.add(row);
                }
            }
        }
        return out.toArray(new float[0][]);
    }

    @Override
    public void close() {
        manager.close();
    }
}
