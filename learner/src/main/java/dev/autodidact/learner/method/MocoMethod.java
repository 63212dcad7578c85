package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.InfoNceLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.MlpHead;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * MoCo v2 (He et al., "Momentum Contrast for Unsupervised Visual Representation Learning", CVPR 2020; Chen et al.,
 * "Improved Baselines with Momentum Contrastive Learning", 2020): a query encoder with an MLP head embeds view 1, a
 * key encoder (an EMA of the query encoder with constant momentum, no gradient) embeds view 2, and InfoNCE
 * ({@link InfoNceLoss}) classifies each query's key against a queue of {@code K} keys from earlier batches. After each
 * step the key encoder moves towards the query encoder and the batch's normalised keys replace the oldest ones in the
 * queue. The queue and its pointer live on the method's manager, are updated in place and are saved in the checkpoint
 * ({@code queue} section), so a resumed run continues with the same negatives. The published encoder is the query
 * encoder. Shuffling BN (the paper's multi-GPU trick) is not reproduced: one device computes batch statistics over the
 * whole batch.
 *
 * <p>A stream repeats, and a queue key drawn from the same source as a query (the previous pass's key of the same
 * image) is not a negative: each example carries its {@code source.id} (the learner tags it from the record key), the
 * queue keeps the id of each key ({@code queue.ids} section), and such keys are left out of the query's softmax. On
 * the 10,000-image CIFAR-10 feed, repeated every 39 steps in a fresh order, a 4,096-key queue spans 16 steps and held
 * the query's own image for about a third of the queries; MoCo then learned almost nothing in 5 minutes (kNN 0.3705,
 * linear 0.456 against a random encoder's 0.3535 / 0.470), where a feed in the same order every pass, whose repeats
 * fall outside the queue, had given 0.435 / 0.498.
 */
public final class MocoMethod implements NetworkedMethod {
    public static final String NAME = "moco";
    public static final String QUEUE_SIZE_CONFIG = "moco.queue.size";
    private static final String QUEUE_SIZE_DOC =
            "MoCo negatives kept in the queue (the paper: 65536 on ImageNet; " + "4096 at CIFAR scale).";
    public static final String TEMPERATURE_CONFIG = "moco.temperature";
    private static final String TEMPERATURE_DOC = "MoCo v2 InfoNCE temperature.";
    public static final String MOMENTUM_CONFIG = "moco.momentum";
    private static final String MOMENTUM_DOC =
            "MoCo key encoder momentum (constant). The paper's 0.999 suits ~10^5+ " + "steps; 0.99 short runs.";
    private static final String QUEUE = "queue";
    private static final String QUEUE_IDS = "queue.ids";
    /** The source id of the initial random keys: no example has it (FNV-1a gives it to no key in practice). */
    static final long NO_SOURCE = Long.MIN_VALUE;

    private static final List<String> INPUTS = List.of(ArrayNames.view(0), ArrayNames.view(1), ArrayNames.SOURCE_ID);
    private static final String PROJECTOR = "projector";
    private static final String KEY_ENCODER = "key.encoder";
    private static final String KEY_PROJECTOR = "key.projector";

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            Recipe.CONTRASTIVE,
            def -> def.define(
                            QUEUE_SIZE_CONFIG,
                            Type.INT,
                            4096,
                            Range.between(1, 1 << 20),
                            Importance.MEDIUM,
                            QUEUE_SIZE_DOC)
                    .define(
                            TEMPERATURE_CONFIG,
                            Type.DOUBLE,
                            0.2,
                            Range.atLeast(1e-3),
                            Importance.MEDIUM,
                            TEMPERATURE_DOC)
                    .define(MOMENTUM_CONFIG, Type.DOUBLE, 0.99, Range.between(0, 1), Importance.MEDIUM, MOMENTUM_DOC),
            ctx -> new MocoMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(
                            ctx.projectionHidden(),
                            ctx.projectionDim(),
                            ctx.settings().getInt(QUEUE_SIZE_CONFIG),
                            ctx.floatOf(TEMPERATURE_CONFIG),
                            MomentumSchedule.constant(ctx.settings().getDouble(MOMENTUM_CONFIG)))));

    /**
     * @param hidden hidden units of the MLP head
     * @param out embedding size (rows of the queue)
     * @param queueSize K, keys kept as negatives
     * @param temperature tau of InfoNCE
     * @param momentum the key encoder's momentum (MoCo keeps it constant)
     */
    public record Settings(int hidden, int out, int queueSize, float temperature, MomentumSchedule momentum) {
        public Settings {
            if (queueSize < 1) {
                throw new IllegalArgumentException("MoCo queue needs at least one row, got " + queueSize);
            }
        }
    }

    private final EncoderArchitecture architecture;
    private final Settings settings;
    private final Networks networks;
    private final EmaTarget ema;
    private final NDArray queue;
    private final NDArray queueIds;
    private long pointer;
    private NDArray pendingKeys;
    private NDArray pendingIds;

    public MocoMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        this.architecture = architecture;
        this.settings = settings;
        this.networks = new Networks(manager);
        Block encoder = networks.trainable(ENCODER_SECTION, architecture.build(manager));
        Block projector = networks.trainable(PROJECTOR, head(manager, architecture.featureDim(), settings));
        Block keyEncoder = networks.target(KEY_ENCODER, architecture.build(manager));
        Block keyProjector = networks.target(KEY_PROJECTOR, head(manager, architecture.featureDim(), settings));
        ema = new EmaTarget(manager, List.of(encoder, projector), List.of(keyEncoder, keyProjector));
        NDArray noise = manager.randomNormal(new Shape(settings.queueSize(), settings.out()));
        queue = noise.normalize(2, 1, 1e-12);
        noise.close();
        long[] none = new long[settings.queueSize()];
        Arrays.fill(none, NO_SOURCE);
        queueIds = manager.create(none);
    }

    private static Block head(NDManager manager, int in, Settings settings) {
        return Networks.head(
                manager, MlpHead.mocoV2(settings.hidden(), settings.out()).build(), in);
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
        return INPUTS;
    }

    @Override
    public void checkExample(Example example) {
        Tensor ids = example.array(ArrayNames.SOURCE_ID);
        if (ids.dtype() != DType.I64 || ids.shape().length != 1 || ids.shape()[0] != 1) {
            throw new IllegalArgumentException("MoCo needs '" + ArrayNames.SOURCE_ID + "' as i64 [1], got " + ids);
        }
    }

    @Override
    public Block head() {
        return networks.get(PROJECTOR);
    }

    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        if (batch.size() != INPUTS.size()) {
            throw new IllegalArgumentException("MoCo needs " + INPUTS + ", got " + batch.size() + " arrays");
        }
        pendingKeys = null;
        pendingIds = null;
        NDArray ids = batch.get(2).reshape(-1);
        NDArray q = networks.forward(store, PROJECTOR, networks.forward(store, ENCODER_SECTION, batch.get(0)));
        NDArray keyFeatures = networks.forward(store, KEY_ENCODER, batch.get(1).stopGradient());
        NDArray k = networks.forward(store, KEY_PROJECTOR, keyFeatures).stopGradient();
        NDArray queued = queueIds.duplicate();
        queued.attach(ids.getManager());
        NDArray sameSource = ids.reshape(-1, 1).eq(queued.reshape(1, -1));
        NDArray loss = InfoNceLoss.compute(q, k, queue, settings.temperature(), sameSource);
        pendingKeys = k.normalize(2, 1, 1e-12);
        pendingIds = ids;
        return loss;
    }

    /** Moves the key encoder, then enqueues the batch's keys over the oldest ones. */
    @Override
    public void afterStep(long step) {
        ema.update(settings.momentum().at(step));
        if (pendingKeys != null) {
            enqueue(pendingKeys, pendingIds);
            pendingKeys = null;
            pendingIds = null;
        }
    }

    private void enqueue(NDArray keys, NDArray ids) {
        int capacity = settings.queueSize();
        long n = keys.getShape().get(0);
        int count = (int) Math.min(n, capacity);
        int start = (int) pointer;
        write(queue, keys, n, start);
        write(queueIds, ids, n, start);
        pointer = (start + count) % capacity;
    }

    /** Writes the last {@code min(n, capacity)} rows of {@code rows} into the ring {@code ring} from {@code start}. */
    private void write(NDArray ring, NDArray rows, long n, int start) {
        int capacity = settings.queueSize();
        NDArray last = n > capacity ? rows.get(new NDIndex("{}:", n - capacity)) : rows;
        int count = (int) Math.min(n, capacity);
        int first = Math.min(count, capacity - start);
        ring.set(new NDIndex("{}:{}", start, start + first), last.get(new NDIndex("0:{}", first)));
        if (first < count) {
            ring.set(new NDIndex("0:{}", count - first), last.get(new NDIndex("{}:", first)));
        }
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put("projector.hidden", Integer.toString(settings.hidden()));
        m.put("projector.dim", Integer.toString(settings.out()));
        m.put(QUEUE_SIZE_CONFIG, Integer.toString(settings.queueSize()));
        m.put(TEMPERATURE_CONFIG, Float.toString(settings.temperature()));
        m.put(MOMENTUM_CONFIG, Double.toString(settings.momentum().base()));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        Map<String, byte[]> sections = new LinkedHashMap<>(networks.save());
        sections.put(QUEUE, ArrayState.save(pointer, queue));
        sections.put(QUEUE_IDS, ArrayState.save(pointer, queueIds));
        return sections;
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        networks.load(sections);
        long saved = ArrayState.load(sections.get(QUEUE), queue, QUEUE);
        if (saved < 0 || saved >= settings.queueSize()) {
            throw new IllegalStateException(
                    "Queue pointer " + saved + " is outside the queue of " + settings.queueSize());
        }
        pointer = saved;
        if (sections.containsKey(QUEUE_IDS)) {
            ArrayState.load(sections.get(QUEUE_IDS), queueIds, QUEUE_IDS);
        } else {
            long[] none = new long[settings.queueSize()];
            Arrays.fill(none, NO_SOURCE);
            try (NDManager scratch = queueIds.getManager().newSubManager()) {
                scratch.create(none).copyTo(queueIds);
            }
        }
    }

    /** The source id of each queue row, in row order: for tests. */
    long[] queueSourceIds() {
        return queueIds.toLongArray();
    }

    /** Write position of the next key in the queue, for tests. */
    long queuePointer() {
        return pointer;
    }
}
