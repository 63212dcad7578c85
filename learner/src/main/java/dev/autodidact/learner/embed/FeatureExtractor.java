package dev.autodidact.learner.embed;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.method.BlockState;
import dev.autodidact.learner.model.ConvEncoder;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.learner.train.ImageTensors;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A frozen encoder in inference mode (batch norm uses its running statistics) that maps clean images to feature
 * vectors. Built from a checkpoint, or with random weights as the baseline that evaluation compares against.
 */
public final class FeatureExtractor implements AutoCloseable {
    private static final int BATCH = 256;

    private final NDManager manager;
    private final Block encoder;
    private final EncoderSpec spec;
    private final ParameterStore store;
    private final long version;
    private final String method;

    private FeatureExtractor(EncoderSpec spec, long version, String method) {
        this.manager = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
        this.spec = spec;
        this.version = version;
        this.method = method;
        this.encoder = ConvEncoder.build(spec);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 3, spec.inputSize(), spec.inputSize()));
        this.store = new ParameterStore(manager, false);
    }

    /** The encoder of {@code checkpoint}. */
    public static FeatureExtractor fromCheckpoint(Checkpoint checkpoint) {
        FeatureExtractor fx = new FeatureExtractor(EncoderSpec.fromMap(checkpoint.manifest().architecture()),
                checkpoint.manifest().version(), checkpoint.manifest().method());
        BlockState.load(fx.encoder, fx.manager, checkpoint.section("encoder"));
        return fx;
    }

    /** The same architecture with freshly initialised weights (version 0). */
    public static FeatureExtractor randomInit(EncoderSpec spec, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return new FeatureExtractor(spec, 0, "random-init");
    }

    public EncoderSpec spec() {
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

    /** One feature vector per image, in order. Images must be {@code spec().inputSize()} square. */
    public float[][] embed(List<CleanImage> images) {
        return embed(manager, store, encoder, spec, images);
    }

    /**
     * Embeds {@code images} with any encoder in inference mode (batch norm uses running statistics, nothing is
     * updated), in batches, each on a sub-manager of {@code manager} closed before the next.
     */
    public static float[][] embed(NDManager manager, ParameterStore store, Block encoder, EncoderSpec spec,
                                  List<CleanImage> images) {
        List<float[]> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += BATCH) {
            List<CleanImage> chunk = images.subList(from, Math.min(images.size(), from + BATCH));
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = ImageTensors.stack(scope, chunk, spec);
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
