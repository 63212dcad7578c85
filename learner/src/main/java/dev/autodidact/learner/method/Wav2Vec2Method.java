package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.Wav2Vec2Loss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderRequirement;
import dev.autodidact.learner.modality.FrameEncoder;
import dev.autodidact.learner.model.Wav2Vec2Heads;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * wav2vec 2.0 (Baevski et al., "wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations",
 * NeurIPS 2020) without its quantizer: the encoder's convolutional feature network turns a waveform crop
 * ({@code view.0}) into latent frames z; spans of frames are masked ({@link SpanMask}: start probability 0.065, spans of
 * 10, about half the frames) and replaced by a learned mask embedding; the Transformer context network runs on the
 * result; and at each masked step the projected context must pick the projected true latent among distractors from
 * other masked steps of the same clip ({@link Wav2Vec2Loss}, cosine similarity over temperature 0.1), plus the
 * paper's L2 penalty on the feature encoder's output (weight 10 as in its base configuration). The quantizer and its
 * diversity loss are left out: the targets are the continuous latents of the unmasked input through a linear
 * projection, as in the paper's ablation with continuous targets. By default the latents enter the targets with their
 * gradient stopped (the projection still trains): without the diversity loss, a gradient through the targets lets the
 * loss fall to chance by making every target alike, which a small encoder did within 40 steps on synthetic clips;
 * {@code wav2vec2.stop.gradient=false} lets it flow, as the reference code does.
 *
 * <p>The published encoder ({@code encoder} section, a {@link FrameEncoder}) embeds a clip as the mean over time of
 * the context network's output on the unmasked latents; the mask embedding and the projections are the
 * {@code heads} section. There is no projector: {@link #head()} is the identity. The mask and the distractors of step
 * s are drawn from a generator seeded by s, so a resumed run draws what the uninterrupted one would have.
 */
public final class Wav2Vec2Method implements NetworkedMethod {
    public static final String NAME = "wav2vec2";
    public static final String MASK_PROBABILITY_CONFIG = "wav2vec2.mask.probability";
    public static final String MASK_SPAN_CONFIG = "wav2vec2.mask.span";
    public static final String DISTRACTORS_CONFIG = "wav2vec2.distractors";
    public static final String TEMPERATURE_CONFIG = "wav2vec2.temperature";
    public static final String FEATURE_PENALTY_CONFIG = "wav2vec2.feature.penalty";
    public static final String DIM_CONFIG = "wav2vec2.dim";
    public static final String STOP_GRADIENT_CONFIG = "wav2vec2.stop.gradient";
    /** The checkpoint section of the mask embedding and the two projections. */
    public static final String HEADS = "heads";

    private static final long SALT = 0x77617632L;
    private static final List<String> INPUTS = List.of(ArrayNames.view(0));

    /**
     * AdamW at wav2vec 2.0's peak rate, 5e-4, with weight decay 0.01, on batches of 32 one-second clips: a step of 256
     * took about 7 s on two cores.
     */
    public static final Recipe RECIPE = new Recipe(Recipe.ADAMW, 5e-4, 0.01, 0, 0, 32);

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            Wav2Vec2Method::define,
            ctx -> new Wav2Vec2Method(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(
                            ctx.settings().getDouble(MASK_PROBABILITY_CONFIG),
                            ctx.settings().getInt(MASK_SPAN_CONFIG),
                            ctx.settings().getInt(DISTRACTORS_CONFIG),
                            ctx.floatOf(TEMPERATURE_CONFIG),
                            ctx.floatOf(FEATURE_PENALTY_CONFIG),
                            ctx.settings().getInt(DIM_CONFIG),
                            ctx.settings().getBoolean(STOP_GRADIENT_CONFIG))),
            EncoderRequirement.FRAMES);

    private static ConfigDef define(ConfigDef def) {
        return def.define(
                        MASK_PROBABILITY_CONFIG,
                        Type.DOUBLE,
                        0.065,
                        Range.between(0, 1),
                        Importance.MEDIUM,
                        "wav2vec 2.0: fraction of latent frames that start a masked span (the paper: 0.065; with "
                                + "spans of 10 about half the frames are masked).")
                .define(
                        MASK_SPAN_CONFIG,
                        Type.INT,
                        10,
                        Range.between(1, 1000),
                        Importance.MEDIUM,
                        "wav2vec 2.0: latent frames per masked span; crops need more frames than this.")
                .define(
                        DISTRACTORS_CONFIG,
                        Type.INT,
                        100,
                        Range.between(1, 4096),
                        Importance.MEDIUM,
                        "wav2vec 2.0: distractors per masked step, drawn from the other masked steps of its clip; "
                                + "fewer when a clip has fewer masked steps.")
                .define(
                        TEMPERATURE_CONFIG,
                        Type.DOUBLE,
                        0.1,
                        Range.atLeast(1e-3),
                        Importance.MEDIUM,
                        "wav2vec 2.0: temperature of the cosine similarities.")
                .define(
                        FEATURE_PENALTY_CONFIG,
                        Type.DOUBLE,
                        10.0,
                        Range.atLeast(0),
                        Importance.LOW,
                        "wav2vec 2.0: weight of the mean squared feature encoder output in the loss.")
                .define(
                        DIM_CONFIG,
                        Type.INT,
                        128,
                        Range.between(1, 4096),
                        Importance.LOW,
                        "wav2vec 2.0: width of the space predictions and targets are compared in (the paper: 256).")
                .define(
                        STOP_GRADIENT_CONFIG,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "wav2vec 2.0: take the targets from the latents with their gradient stopped, so that the "
                                + "contrastive loss cannot make them alike (without the quantizer's diversity loss, "
                                + "letting it flow collapsed the latents of a small encoder within 40 steps); false "
                                + "lets it flow into the feature encoder through the targets too, as the reference code "
                                + "with continuous targets does.");
    }

    /**
     * @param maskProbability p, the fraction of frames that start a span
     * @param maskSpan frames per span
     * @param distractors K, distractors per masked step at most
     * @param temperature tau of the cosine similarities
     * @param featurePenalty weight of the L2 penalty on the latents
     * @param dim width of the compared space
     * @param stopGradient whether the targets' latents are constants of the loss
     */
    public record Settings(
            double maskProbability,
            int maskSpan,
            int distractors,
            float temperature,
            float featurePenalty,
            int dim,
            boolean stopGradient) {
        public Settings {
            if (!(maskProbability >= 0 && maskProbability <= 1)
                    || maskSpan < 1
                    || distractors < 1
                    || !(temperature > 0)
                    || !(featurePenalty >= 0)
                    || dim < 1) {
                throw new IllegalArgumentException("Invalid wav2vec 2.0 settings: mask probability " + maskProbability
                        + ", span " + maskSpan + ", " + distractors + " distractors, temperature " + temperature
                        + ", feature penalty " + featurePenalty + ", dim " + dim);
            }
        }
    }

    private final FrameEncoder architecture;
    private final Settings settings;
    private final Networks networks;
    private final Wav2Vec2Heads heads;
    private final Block identity = Blocks.identityBlock();

    /** @throws IllegalArgumentException unless {@code architecture} is a {@link FrameEncoder} */
    public Wav2Vec2Method(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        this.architecture = FrameEncoder.of(architecture, NAME, false);
        this.settings = settings;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        heads = new Wav2Vec2Heads(this.architecture.latentDim(), settings.dim());
        heads.initialize(
                manager,
                DataType.FLOAT32,
                new Shape(2, 2, architecture.featureDim()),
                new Shape(2, 2, this.architecture.latentDim()));
        networks.trainable(HEADS, heads);
    }

    @Override
    public Networks networks() {
        return networks;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The waveform crop. */
    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    /** The identity: the context's mean is the representation, and no head follows it. */
    @Override
    public Block head() {
        return identity;
    }

    /**
     * Rejects a {@code view.0} that is not a waveform, f32 {@code [T]}, or whose T gives no more latent frames than a
     * masked span, or is over the encoder's cap.
     */
    @Override
    public void checkExample(Example example) {
        WaveformView.check(
                example, architecture, settings.maskSpan() + 1, "wav2vec 2.0 masks spans of " + settings.maskSpan());
    }

    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        NDArray waveforms = batch.get(0);
        NDManager manager = waveforms.getManager();
        NDArray latents = architecture.latents(encoder(), store, waveforms, true);
        Shape shape = latents.getShape();
        int clips = (int) shape.get(0);
        int frames = (int) shape.get(1);
        SplittableRandom random = random(step);
        SpanMask mask = SpanMask.draw(clips, frames, settings.maskProbability(), settings.maskSpan(), random);
        NDArray indicator = manager.create(mask.indicator(), new Shape(clips, frames, 1));
        NDArray context = architecture.context(encoder(), store, heads.mask(store, latents, indicator, true), true);
        int masked = mask.count();
        NDArray steps = manager.create(mask.indices(), new Shape(clips, masked, 1));
        NDArray maskedContext = context.gather(
                steps.broadcast(new Shape(clips, masked, context.getShape().get(2))), 1);
        NDArray maskedLatents = latents.gather(steps.broadcast(new Shape(clips, masked, shape.get(2))), 1);
        if (settings.stopGradient()) {
            maskedLatents = maskedLatents.stopGradient();
        }
        NDList compared = heads.forward(store, new NDList(maskedContext, maskedLatents), true);
        int distractors = Math.min(settings.distractors(), masked - 1);
        NDArray contrastive = Wav2Vec2Loss.compute(
                compared.get(0),
                compared.get(1),
                manager.create(distractors(clips, masked, distractors, random), new Shape(clips, masked, distractors)),
                settings.temperature());
        return contrastive.add(Wav2Vec2Loss.featurePenalty(latents).mul(settings.featurePenalty()));
    }

    /** The generator of step {@code step}'s mask and distractors. */
    static SplittableRandom random(long step) {
        return new SplittableRandom(Long.rotateLeft(step, 17) ^ SALT);
    }

    /**
     * For each clip and masked step i, {@code count} indices drawn uniformly from the other masked steps of the clip
     * (with replacement, as in the reference code): (N x S x count) flattened.
     */
    static long[] distractors(int clips, int masked, int count, SplittableRandom random) {
        long[] out = new long[clips * masked * count];
        for (int i = 0; i < out.length; i++) {
            int own = (i / count) % masked;
            int drawn = random.nextInt(masked - 1);
            out[i] = drawn >= own ? drawn + 1 : drawn;
        }
        return out;
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put(MASK_PROBABILITY_CONFIG, Double.toString(settings.maskProbability()));
        m.put(MASK_SPAN_CONFIG, Integer.toString(settings.maskSpan()));
        m.put(DISTRACTORS_CONFIG, Integer.toString(settings.distractors()));
        m.put(TEMPERATURE_CONFIG, Float.toString(settings.temperature()));
        m.put(FEATURE_PENALTY_CONFIG, Float.toString(settings.featurePenalty()));
        m.put(DIM_CONFIG, Integer.toString(settings.dim()));
        m.put(STOP_GRADIENT_CONFIG, Boolean.toString(settings.stopGradient()));
        return m;
    }

    /** Refuses a checkpoint whose heads compare in a space of another width: their weights would not fit. */
    @Override
    public void checkCheckpoint(Map<String, String> checkpoint) {
        String dim = checkpoint.get(DIM_CONFIG);
        if (dim != null && !dim.equals(Integer.toString(settings.dim()))) {
            throw new IllegalStateException("The checkpoint's heads compare in " + dim + " dimensions, this run "
                    + settings.dim() + "; resume with " + DIM_CONFIG + "=" + dim);
        }
    }
}
