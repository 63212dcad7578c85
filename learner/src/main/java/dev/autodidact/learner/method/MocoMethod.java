package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.loss.InfoNceLoss;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.learner.model.MlpHead;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public final class MocoMethod implements SslMethod {
    public static final String NAME = "moco";
    private static final String QUEUE = "queue";

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

    private final NDManager manager;
    private final EncoderSpec spec;
    private final Settings settings;
    private final Map<String, Block> query = new LinkedHashMap<>();
    private final Map<String, Block> key = new LinkedHashMap<>();
    private final EmaTarget ema;
    private final NDArray queue;
    private long pointer;
    private NDArray pendingKeys;

    public MocoMethod(NDManager manager, EncoderSpec spec, Settings settings) {
        this.manager = manager;
        this.spec = spec;
        this.settings = settings;
        query.put("encoder", Networks.encoder(manager, spec));
        query.put("projector", head(manager, spec.featureDim(), settings));
        key.put("key.encoder", Networks.encoder(manager, spec));
        key.put("key.projector", head(manager, spec.featureDim(), settings));
        ema = new EmaTarget(manager, List.copyOf(query.values()), List.copyOf(key.values()));
        NDArray noise = manager.randomNormal(new Shape(settings.queueSize(), settings.out()));
        queue = noise.normalize(2, 1, 1e-12);
        noise.close();
    }

    private static Block head(NDManager manager, int in, Settings settings) {
        return Networks.head(manager, MlpHead.mocoV2(settings.hidden(), settings.out()).build(), in);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Block head() {
        return query.get("projector");
    }

    @Override
    public Block encoder() {
        return query.get("encoder");
    }

    @Override
    public List<Pair<String, Parameter>> trainableParameters() {
        return TrainableParameters.of(query);
    }

    @Override
    public NDArray loss(ParameterStore store, NDList views) {
        if (views.size() != 2) {
            throw new IllegalArgumentException("MoCo needs 2 views, got " + views.size());
        }
        pendingKeys = null;
        NDArray q = embed(store, query, views.get(0));
        NDArray k = embed(store, key, views.get(1).stopGradient()).stopGradient();
        NDArray loss = InfoNceLoss.compute(q, k, queue, settings.temperature());
        pendingKeys = k.normalize(2, 1, 1e-12);
        return loss;
    }

    private static NDArray embed(ParameterStore store, Map<String, Block> networks, NDArray x) {
        List<Block> blocks = List.copyOf(networks.values());
        NDList h = blocks.get(0).forward(store, new NDList(x), true);
        return blocks.get(1).forward(store, h, true).singletonOrThrow();
    }

    /** Moves the key encoder, then enqueues the batch's keys over the oldest ones. */
    @Override
    public void afterStep(long step) {
        ema.update(settings.momentum().at(step));
        if (pendingKeys != null) {
            enqueue(pendingKeys);
            pendingKeys = null;
        }
    }

    private void enqueue(NDArray keys) {
        int capacity = settings.queueSize();
        long n = keys.getShape().get(0);
        NDArray rows = n > capacity ? keys.get(new NDIndex("{}:", n - capacity)) : keys;
        int count = (int) Math.min(n, capacity);
        int start = (int) pointer;
        int first = Math.min(count, capacity - start);
        queue.set(new NDIndex("{}:{}", start, start + first), rows.get(new NDIndex("0:{}", first)));
        if (first < count) {
            queue.set(new NDIndex("0:{}", count - first), rows.get(new NDIndex("{}:", first)));
        }
        pointer = (start + count) % capacity;
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(spec.toMap());
        m.put("projector.hidden", Integer.toString(settings.hidden()));
        m.put("projector.dim", Integer.toString(settings.out()));
        m.put("moco.queue.size", Integer.toString(settings.queueSize()));
        m.put("moco.temperature", Float.toString(settings.temperature()));
        m.put("moco.momentum", Double.toString(settings.momentum().base()));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        Map<String, byte[]> sections = BlockState.saveAll(query);
        sections.putAll(BlockState.saveAll(key));
        sections.put(QUEUE, ArrayState.save(pointer, queue));
        return sections;
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        BlockState.loadAll(query, manager, sections);
        BlockState.loadAll(key, manager, sections);
        long saved = ArrayState.load(sections.get(QUEUE), queue, QUEUE);
        if (saved < 0 || saved >= settings.queueSize()) {
            throw new IllegalStateException("Queue pointer " + saved + " is outside the queue of " + settings.queueSize());
        }
        pointer = saved;
    }

    /** Write position of the next key in the queue, for tests. */
    long queuePointer() {
        return pointer;
    }
}
