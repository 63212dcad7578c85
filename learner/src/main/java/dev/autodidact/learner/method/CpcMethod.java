package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.autodidact.learner.loss.CpcLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.EncoderRequirement;
import dev.autodidact.learner.modality.FrameEncoder;
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
 * CPC, contrastive predictive coding (van den Oord et al., "Representation Learning with Contrastive Predictive
 * Coding", 2018): the encoder's feature network turns a waveform crop ({@code view.0}) into latent frames z_t, its
 * causal context network (a GRU, as in the paper, or a causal Transformer) summarises z_0..z_t into c_t, and for each
 * of K steps ahead a linear map W_k predicts z_(t+k) from c_t; {@link CpcLoss} makes each prediction pick the true
 * future latent among negatives drawn from the other frames and clips of the batch. The K maps are one linear layer
 * of K x D outputs (section {@code predictor}), which the published encoder never needs.
 *
 * <p>The published encoder ({@code encoder} section, a {@link FrameEncoder}) embeds a clip as the mean over time of
 * its context c_t, the output the paper's linear probes read. There is no projector: {@link #head()} is the
 * identity. The negatives of step s are drawn from a generator seeded by s, so a resumed run draws what the
 * uninterrupted one would have.
 */
public final class CpcMethod implements NetworkedMethod {
    public static final String NAME = "cpc";
    public static final String PREDICTION_STEPS_CONFIG = "cpc.prediction.steps";
    public static final String NEGATIVES_CONFIG = "cpc.negatives";
    /** The checkpoint section of the K prediction maps. */
    public static final String PREDICTOR = "predictor";

    private static final long SALT = 0x43504321L;
    /**
     * Standard deviation of the prediction maps' initial weights: small, so that every score starts near 0 and the
     * loss at chance, log(1 + M). With the default initialisation the random initial scores put the loss above
     * chance, and the quickest way down was to make every latent alike (loss exactly at chance), where a small
     * encoder then stayed.
     */
    private static final float PREDICTOR_INIT_STD = 0.01f;

    private static final List<String> INPUTS = List.of(ArrayNames.view(0));

    /**
     * AdamW at 5e-4 without weight decay: the paper trains with Adam at 2e-4 for far more steps than a streaming CPU
     * run of a few minutes sees, and wav2vec 2.0's peak rate of 5e-4 is the one its feature encoder is known to take.
     * Batches of 32 one-second clips (the paper: 8 GPUs of 8 clips of 20,480 samples): a step of 256 took about 7 s on
     * two cores, so a 5-minute run made some 40 updates.
     */
    public static final Recipe RECIPE = new Recipe(Recipe.ADAMW, 5e-4, 0.0, 0, 0, 32);

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            RECIPE,
            CpcMethod::define,
            ctx -> new CpcMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(
                            ctx.settings().getInt(PREDICTION_STEPS_CONFIG),
                            ctx.settings().getInt(NEGATIVES_CONFIG))),
            EncoderRequirement.CAUSAL_FRAMES);

    private static ConfigDef define(ConfigDef def) {
        return def.define(
                        PREDICTION_STEPS_CONFIG,
                        Type.INT,
                        12,
                        Range.between(1, 64),
                        Importance.MEDIUM,
                        "CPC: latent frames predicted ahead of each context step, K (the paper: 12, 120 ms at 100 "
                                + "frames per second). Crops need more frames than this.")
                .define(
                        NEGATIVES_CONFIG,
                        Type.INT,
                        128,
                        Range.between(1, 4096),
                        Importance.MEDIUM,
                        "CPC: negatives per prediction step, latents drawn uniformly from every frame of the batch "
                                + "(shared by the predictions of one step).");
    }

    /**
     * @param predictionSteps K
     * @param negatives M, negatives per step ahead
     */
    public record Settings(int predictionSteps, int negatives) {
        public Settings {
            if (predictionSteps < 1 || negatives < 1) {
                throw new IllegalArgumentException("CPC needs at least one prediction step and one negative, got "
                        + predictionSteps + " and " + negatives);
            }
        }
    }

    private final FrameEncoder architecture;
    private final Settings settings;
    private final Networks networks;
    private final Block identity = Blocks.identityBlock();

    /** @throws IllegalArgumentException unless {@code architecture} is a {@link FrameEncoder} with a causal context */
    public CpcMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        this.architecture = FrameEncoder.of(architecture, NAME, true);
        this.settings = settings;
        this.networks = new Networks(manager);
        networks.trainable(ENCODER_SECTION, architecture.build(manager));
        Block predictor = Linear.builder()
                .setUnits((long) settings.predictionSteps() * this.architecture.latentDim())
                .optBias(false)
                .build();
        predictor.setInitializer(new NormalInitializer(PREDICTOR_INIT_STD), Parameter.Type.WEIGHT);
        predictor.initialize(manager, DataType.FLOAT32, new Shape(2, 2, architecture.featureDim()));
        networks.trainable(PREDICTOR, predictor);
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
     * Rejects a {@code view.0} that is not a waveform, f32 {@code [T]}, or whose T gives no more latent frames than
     * the steps predicted ahead, or is over the encoder's cap.
     */
    @Override
    public void checkExample(Example example) {
        WaveformView.check(
                example,
                architecture,
                settings.predictionSteps() + 1,
                "CPC predicts " + settings.predictionSteps() + " frames ahead");
    }

    @Override
    public NDArray loss(ParameterStore store, NDList batch, long step) {
        NDArray waveforms = batch.get(0);
        NDArray latents = architecture.latents(encoder(), store, waveforms, true);
        NDArray context = architecture.context(encoder(), store, latents, true);
        Shape shape = latents.getShape();
        int steps = settings.predictionSteps();
        NDArray predictions = networks.get(PREDICTOR)
                .forward(store, new NDList(context), true)
                .singletonOrThrow()
                .reshape(shape.get(0), shape.get(1), steps, shape.get(2));
        return CpcLoss.compute(latents, predictions, negatives(waveforms.getManager(), shape, step));
    }

    /** M frame indices per step ahead, uniform over the batch's N x T' latents, from the step's generator. */
    private NDArray negatives(NDManager manager, Shape latents, long step) {
        int frames = Math.toIntExact(latents.get(0) * latents.get(1));
        SplittableRandom random = new SplittableRandom(Long.rotateLeft(step, 17) ^ SALT);
        long[] drawn = new long[settings.predictionSteps() * settings.negatives()];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = random.nextInt(frames);
        }
        return manager.create(drawn, new Shape(settings.predictionSteps(), settings.negatives()));
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put(PREDICTION_STEPS_CONFIG, Integer.toString(settings.predictionSteps()));
        m.put(NEGATIVES_CONFIG, Integer.toString(settings.negatives()));
        return m;
    }

    /**
     * Refuses a checkpoint whose predictor was trained for another number of steps ahead: its weights would not fit.
     */
    @Override
    public void checkCheckpoint(Map<String, String> checkpoint) {
        String steps = checkpoint.get(PREDICTION_STEPS_CONFIG);
        if (steps != null && !steps.equals(Integer.toString(settings.predictionSteps()))) {
            throw new IllegalStateException("The checkpoint's predictor predicts " + steps + " steps ahead, this run "
                    + settings.predictionSteps() + "; resume with " + PREDICTION_STEPS_CONFIG + "=" + steps);
        }
    }
}
