package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.DeepClusterLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.MlpHead;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DeepCluster (Caron et al., "Deep Clustering for Unsupervised Learning of Visual Features", ECCV 2018) on a stream,
 * in the form of DeepCluster-v2 (Caron et al., SwAV paper, NeurIPS 2020): the encoder and an MLP projection head map
 * both views of an example to L2-normalised projections {@code z}; k-means centroids of recent projections are the
 * fixed prototypes of a classifier trained with cross-entropy to predict each view's cluster from the other view
 * ({@link DeepClusterLoss}, with samples weighted by the inverse frequency of their pseudo-label in the batch, the
 * streaming stand-in for DeepCluster's uniform sampling over pseudo-labels).
 *
 * <p>There are no epochs to recluster between, so the clustering runs on a ring buffer of the last
 * {@link Settings#bufferSize} detached projections ({@link ProjectionBuffer}, allocated once and overwritten in place):
 * spherical k-means ({@link SphericalKMeans}, on the engine) into {@link Settings#clusters} centroids, at step 0 on the
 * first batch (so that there are always centroids), once more as soon as the buffer is first full, and then every
 * {@link Settings#reclusterSteps} steps since the last clustering. Empty clusters are re-seeded by splitting the
 * largest one; their count is logged and kept ({@link #reseededClusters()}). The centroids with the step of their
 * clustering ({@code centroids} section) and the buffer with its count ({@code projections} section) are saved, so a
 * resumed run continues with the same pseudo-labels and the same next clustering (the k-means++ draws are seeded from
 * the step, not from the engine's generator). Between clusterings the classifier does not move: in DeepCluster-v2
 * the prototypes are the centroids, not trained weights.
 */
public final class DeepClusterMethod implements NetworkedMethod {
    public static final String NAME = "deepcluster";
    public static final String CLUSTERS_CONFIG = "deepcluster.clusters";
    public static final String BUFFER_SIZE_CONFIG = "deepcluster.buffer.size";
    public static final String RECLUSTER_STEPS_CONFIG = "deepcluster.recluster.steps";
    public static final String KMEANS_ITERATIONS_CONFIG = "deepcluster.kmeans.iterations";
    public static final String TEMPERATURE_CONFIG = "deepcluster.temperature";
    /** Most buffer rows times clusters: the k-means similarity matrix, 2^28 floats (1 GiB). */
    public static final long MAX_SIMILARITIES = 1L << 28;

    private static final Logger LOG = LoggerFactory.getLogger(DeepClusterMethod.class);
    private static final String PROJECTOR = "projector";
    private static final String CENTROIDS = "centroids";
    private static final String PROJECTIONS = "projections";

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            new Recipe(Recipe.ADAMW, 1e-3, 1e-4, 512, 128),
            DeepClusterMethod::define,
            ctx -> new DeepClusterMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(
                            ctx.projectionHidden(),
                            ctx.projectionDim(),
                            ctx.settings().getInt(CLUSTERS_CONFIG),
                            ctx.settings().getInt(BUFFER_SIZE_CONFIG),
                            ctx.settings().getLong(RECLUSTER_STEPS_CONFIG),
                            ctx.settings().getInt(KMEANS_ITERATIONS_CONFIG),
                            ctx.floatOf(TEMPERATURE_CONFIG))));

    private static ConfigDef define(ConfigDef def) {
        return def.define(
                        CLUSTERS_CONFIG,
                        Type.INT,
                        100,
                        Range.between(2, 1 << 16),
                        Importance.HIGH,
                        "DeepCluster k-means clusters K. Over-clustering helps (the paper: 10000 for ImageNet's 1000 "
                                + "classes); 100 for CIFAR-10. At most " + BUFFER_SIZE_CONFIG + ".")
                .define(
                        BUFFER_SIZE_CONFIG,
                        Type.INT,
                        4096,
                        Range.between(2, 1 << 20),
                        Importance.MEDIUM,
                        "DeepCluster ring buffer of recent projections that k-means clusters (rows, both views of "
                                + "each example). Rows times clusters is capped at " + MAX_SIMILARITIES + ".")
                .define(
                        RECLUSTER_STEPS_CONFIG,
                        Type.LONG,
                        100L,
                        Range.between(1, Long.MAX_VALUE),
                        Importance.MEDIUM,
                        "DeepCluster steps between clusterings (besides the one at step 0 on the first batch and the "
                                + "one when the buffer is first full); DeepCluster reclusters once per epoch.")
                .define(
                        KMEANS_ITERATIONS_CONFIG,
                        Type.INT,
                        10,
                        Range.between(1, 1000),
                        Importance.LOW,
                        "DeepCluster Lloyd iterations per clustering (DeepCluster-v2: 10).")
                .define(
                        TEMPERATURE_CONFIG,
                        Type.DOUBLE,
                        0.1,
                        Range.atLeast(1e-3),
                        Importance.MEDIUM,
                        "DeepCluster softmax temperature over the centroid similarities (DeepCluster-v2: 0.1).");
    }

    /**
     * @param hidden hidden units of the projection head
     * @param out projection size d
     * @param clusters K, k-means centroids
     * @param bufferSize rows of the projection buffer, at least {@code clusters}
     * @param reclusterSteps steps between clusterings
     * @param kmeansIterations Lloyd iterations per clustering
     * @param temperature tau of the softmax over centroid similarities
     */
    public record Settings(
            int hidden,
            int out,
            int clusters,
            int bufferSize,
            long reclusterSteps,
            int kmeansIterations,
            float temperature) {
        public Settings {
            if (clusters < 2 || bufferSize < clusters) {
                throw new IllegalArgumentException("DeepCluster needs at least 2 clusters and a buffer of at least as "
                        + "many rows, got " + clusters + " clusters and " + bufferSize + " rows");
            }
            if ((long) clusters * bufferSize > MAX_SIMILARITIES) {
                throw new IllegalArgumentException("DeepCluster's " + bufferSize + " buffer rows times " + clusters
                        + " clusters exceed " + MAX_SIMILARITIES + " similarities per k-means iteration");
            }
            if (reclusterSteps < 1 || kmeansIterations < 1 || !(temperature > 0)) {
                throw new IllegalArgumentException("DeepCluster needs positive recluster steps (" + reclusterSteps
                        + "), k-means iterations (" + kmeansIterations + ") and temperature (" + temperature + ")");
            }
        }
    }

    private final EncoderArchitecture architecture;
    private final Settings settings;
    private final Networks networks;
    private final NDManager manager;
    private final NDArray centroids;
    private final ProjectionBuffer buffer;
    private long lastClustering = -1;
    private int reseeded;
    private NDArray pending;

    public DeepClusterMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        this.architecture = architecture;
        this.settings = settings;
        this.manager = manager;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        networks.trainable(
                PROJECTOR,
                Networks.head(
                        manager,
                        MlpHead.simClr(settings.hidden(), settings.out()).build(),
                        architecture.featureDim()));
        centroids = manager.zeros(new Shape(settings.clusters(), settings.out()), DataType.FLOAT32);
        buffer = new ProjectionBuffer(manager, settings.bufferSize(), settings.out());
    }

    @Override
    public Networks networks() {
        return networks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> inputs() {
        return Views.TWO;
    }

    /** The projection head (before its L2 normalisation), whose collapse the health monitor watches. */
    @Override
    public Block head() {
        return networks.get(PROJECTOR);
    }

    /** Both views in one forward pass (batch norm sees the whole batch); clusters the batch first if never done. */
    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        Views.require(NAME, batch, 2);
        pending = null;
        long n = batch.get(0).getShape().get(0);
        NDArray h = networks.forward(store, ENCODER_SECTION, NDArrays.concat(batch, 0));
        NDArray z = networks.forward(store, PROJECTOR, h).normalize(2, 1, 1e-12);
        NDArray detached = z.stopGradient();
        if (lastClustering < 0) {
            cluster(detached, step, "the first batch");
        }
        NDList views = z.split(new long[] {n}, 0);
        NDArray loss = DeepClusterLoss.compute(views.get(0), views.get(1), centroids, settings.temperature());
        pending = detached;
        return loss;
    }

    /** Pushes the step's projections into the buffer and reclusters when due. */
    @Override
    public void afterStep(long step) {
        if (pending == null) {
            return;
        }
        boolean wasFull = buffer.full();
        buffer.push(pending);
        pending = null;
        boolean firstFull = buffer.full() && !wasFull;
        if (firstFull || step - lastClustering >= settings.reclusterSteps()) {
            try (NDManager scratch = manager.newSubManager()) {
                cluster(buffer.filledRows(scratch), step, firstFull ? "the newly full buffer" : "the buffer");
            }
        }
    }

    private void cluster(NDArray rows, long step, String what) {
        Random random = new Random(Long.rotateLeft(step, 21) ^ 0x9E3779B97F4A7C15L);
        SphericalKMeans.Stats stats = SphericalKMeans.fit(rows, centroids, settings.kmeansIterations(), random);
        lastClustering = step;
        reseeded = stats.reseeded();
        LOG.info(
                "DeepCluster k-means at step {} on {} ({} rows): {} clusters, sizes {}..{}, {} empty clusters "
                        + "re-seeded in {} iterations",
                step,
                what,
                rows.getShape().get(0),
                settings.clusters(),
                stats.smallest(),
                stats.largest(),
                reseeded,
                settings.kmeansIterations());
    }

    /** Empty clusters re-seeded (summed over the iterations) by the last clustering; 0 before the first. */
    public int reseededClusters() {
        return reseeded;
    }

    /** The step of the last clustering; -1 before the first. */
    public long lastClusteringStep() {
        return lastClustering;
    }

    /** The current centroids as a (K, d) float array, for tests and diagnostics. */
    float[] centroidValues() {
        return centroids.toFloatArray();
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put("projector.hidden", Integer.toString(settings.hidden()));
        m.put("projector.dim", Integer.toString(settings.out()));
        m.put(CLUSTERS_CONFIG, Integer.toString(settings.clusters()));
        m.put(BUFFER_SIZE_CONFIG, Integer.toString(settings.bufferSize()));
        m.put(RECLUSTER_STEPS_CONFIG, Long.toString(settings.reclusterSteps()));
        m.put(KMEANS_ITERATIONS_CONFIG, Integer.toString(settings.kmeansIterations()));
        m.put(TEMPERATURE_CONFIG, Float.toString(settings.temperature()));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        Map<String, byte[]> sections = new LinkedHashMap<>(networks.save());
        sections.put(CENTROIDS, ArrayState.save(lastClustering, centroids));
        sections.put(PROJECTIONS, buffer.save());
        return sections;
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        networks.load(sections);
        long step = ArrayState.load(sections.get(CENTROIDS), centroids, CENTROIDS);
        if (step < -1) {
            throw new IllegalStateException("Section '" + CENTROIDS + "' has clustering step " + step);
        }
        buffer.load(sections.get(PROJECTIONS), PROJECTIONS);
        lastClustering = step;
    }
}
