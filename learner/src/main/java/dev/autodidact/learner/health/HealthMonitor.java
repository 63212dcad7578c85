package dev.autodidact.learner.health;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.embed.FeatureExtractor;
import dev.autodidact.learner.eval.KnnClassifier;
import dev.autodidact.learner.eval.LinearProbe;
import dev.autodidact.learner.eval.RepresentationStats;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.schema.checkpoint.Checkpoint;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures the representation at checkpoint time: label-free health on the recent clean sample and, when the probe
 * topic has labeled records, online kNN and linear-probe accuracy with the same code as {@code eval}. Every value is
 * returned for the manifest and exported as a gauge ({@code autodidact.health.*}, {@code autodidact.probe.*}).
 * Measuring never fails on a diverged network: values that non-finite embeddings make meaningless are NaN.
 */
public final class HealthMonitor implements AutoCloseable {
    public static final String STD = "health.std";
    /** Std of the L2-normalised output of the method's head: where negative-free methods collapse first. */
    public static final String PROJECTION_STD = "health.projection.std";

    public static final String RANKME = "health.rankme";
    public static final String ALIGNMENT = "health.alignment";
    public static final String UNIFORMITY = "health.uniformity";
    public static final String DRIFT = "health.drift";
    public static final String PROBE_KNN = "probe.knn.top1";
    public static final String PROBE_LINEAR = "probe.linear.top1";
    private static final int ALIGNMENT_PAIRS = 256;
    private static final Duration READ_BUDGET = Duration.ofSeconds(2);

    private final RecentCleanSample sample;
    private final ProbeSet probe;
    private final Map<String, Double> latest = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Tags tags;

    public HealthMonitor(RecentCleanSample sample, ProbeSet probe, MeterRegistry registry, Tags tags) {
        this.sample = sample;
        this.probe = probe;
        this.registry = registry;
        this.tags = tags;
    }

    /**
     * @param encoder the encoder being trained, run here in inference mode
     * @param head the method's head after the encoder (inference mode too), or null for none
     * @param lastBatch the most recent training batch: where its examples hold two views of the canonical shape
     *     ({@code view.0} and {@code view.1}), those give the alignment pairs
     * @param previous the last published checkpoint, for drift; null before the first
     */
    public Map<String, Double> measure(
            NDManager root,
            Block encoder,
            Block head,
            EncoderArchitecture spec,
            ExampleBatch lastBatch,
            Checkpoint previous) {
        ParameterStore store = new ParameterStore(root, false);
        Map<String, Double> values = new LinkedHashMap<>();
        List<Tensor> recent = sample.refresh(READ_BUDGET);
        if (recent.size() >= 2) {
            float[][] z = FeatureExtractor.embed(root, store, encoder, spec, recent);
            values.putAll(representation(root, head, z));
            if (previous != null) {
                try (FeatureExtractor before = FeatureExtractor.fromCheckpoint(previous)) {
                    values.put(DRIFT, meanCosineDistance(before.embed(recent), z));
                }
            }
        }
        if (lastBatch != null && hasViewPair(lastBatch.examples().get(0), spec)) {
            List<Example> pairs = lastBatch.examples().subList(0, Math.min(ALIGNMENT_PAIRS, lastBatch.size()));
            float[][] a = FeatureExtractor.embed(
                    root,
                    store,
                    encoder,
                    spec,
                    pairs.stream().map(e -> e.array(ArrayNames.view(0))).toList());
            float[][] b = FeatureExtractor.embed(
                    root,
                    store,
                    encoder,
                    spec,
                    pairs.stream().map(e -> e.array(ArrayNames.view(1))).toList());
            values.put(ALIGNMENT, RepresentationStats.alignment(a, b));
        }
        probe.refresh(READ_BUDGET).ifPresent(split -> {
            float[][] bank = FeatureExtractor.embed(root, store, encoder, spec, split.bankInputs());
            float[][] queries = FeatureExtractor.embed(root, store, encoder, spec, split.queryInputs());
            boolean finite = RepresentationStats.isFinite(bank) && RepresentationStats.isFinite(queries);
            values.put(
                    PROBE_KNN,
                    finite ? new KnnClassifier().top1(split.bank(bank), split.queries(queries)) : Double.NaN);
            values.put(
                    PROBE_LINEAR,
                    finite ? LinearProbe.defaults().top1(split.bank(bank), split.queries(queries)) : Double.NaN);
        });
        values.forEach(this::export);
        return values;
    }

    /** Whether {@code example} holds two views both of the encoder's canonical shape: a positive pair. */
    private static boolean hasViewPair(Example example, EncoderArchitecture spec) {
        for (int i = 0; i < 2; i++) {
            if (!example.has(ArrayNames.view(i))) {
                return false;
            }
            try {
                spec.checkInput(example.array(ArrayNames.view(i)), true);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The label-free values of {@code images} ({@link #STD}, {@link #RANKME}, {@link #UNIFORMITY} and, with a head,
     * {@link #PROJECTION_STD}), by the code {@link #measure} runs on the recent sample.
     */
    public static Map<String, Double> sampleHealth(
            NDManager root, Block encoder, Block head, EncoderArchitecture spec, List<Tensor> images) {
        return representation(
                root, head, FeatureExtractor.embed(root, new ParameterStore(root, false), encoder, spec, images));
    }

    /**
     * The label-free values of the encoder features {@code z}. Non-finite features (a diverged network) make every
     * value NaN instead of an exception, for the guards to judge.
     */
    static Map<String, Double> representation(NDManager root, Block head, float[][] z) {
        Map<String, Double> values = new LinkedHashMap<>();
        boolean finite = RepresentationStats.isFinite(z);
        values.put(STD, finite ? RepresentationStats.stdOfNormalized(z) : Double.NaN);
        values.put(RANKME, finite ? RepresentationStats.rankMe(z) : Double.NaN);
        values.put(UNIFORMITY, finite ? RepresentationStats.uniformity(z) : Double.NaN);
        if (head != null) {
            values.put(PROJECTION_STD, finite ? projectionStd(root, head, z) : Double.NaN);
        }
        return values;
    }

    /**
     * The size of {@code head}'s output for features of size {@code in}: the {@code d} of the
     * {@link #PROJECTION_STD} collapse threshold; 0 for no head.
     */
    public static int outputDim(Block head, int in) {
        return head == null ? 0 : (int) head.getOutputShapes(new Shape[] {new Shape(1, in)})[0].get(1);
    }

    /**
     * {@link #PROJECTION_STD} of {@code images}: std of the L2-normalised outputs of encoder then head, both in
     * inference mode.
     */
    public static double projectionStd(
            NDManager root, Block encoder, Block head, EncoderArchitecture spec, List<Tensor> images) {
        return projectionStd(
                root, head, FeatureExtractor.embed(root, new ParameterStore(root, false), encoder, spec, images));
    }

    /** {@link #PROJECTION_STD} of encoder features already computed: the head alone runs, in inference mode. */
    static double projectionStd(NDManager root, Block head, float[][] features) {
        int n = features.length;
        int d = features[0].length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features[i], 0, flat, i * d, d);
        }
        try (NDManager scope = root.newSubManager()) {
            NDList input = new NDList(scope.create(flat, new Shape(n, d)));
            NDArray out =
                    head.forward(new ParameterStore(scope, false), input, false).singletonOrThrow();
            int k = (int) out.getShape().get(1);
            float[] values = out.toFloatArray();
            float[][] rows = new float[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = Arrays.copyOfRange(values, i * k, (i + 1) * k);
            }
            return RepresentationStats.stdOfNormalized(rows);
        }
    }

    private void export(String name, double value) {
        if (latest.put(name, value) == null) {
            Gauge.builder("autodidact." + name, latest, m -> m.getOrDefault(name, Double.NaN))
                    .tags(tags)
                    .strongReference(true)
                    .register(registry);
        }
    }

    static double meanCosineDistance(float[][] a, float[][] b) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int j = 0; j < a[i].length; j++) {
                dot += a[i][j] * b[i][j];
                na += a[i][j] * a[i][j];
                nb += b[i][j] * b[i][j];
            }
            total += 1 - dot / Math.max(Math.sqrt(na * nb), 1e-12);
        }
        return total / a.length;
    }

    @Override
    public void close() {
        sample.close();
        probe.close();
    }
}
