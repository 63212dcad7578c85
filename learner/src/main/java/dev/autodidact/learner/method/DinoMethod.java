package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.autodidact.learner.loss.DinoLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.model.MlpHead;
import dev.autodidact.learner.model.PrototypeLayer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * DINO (Caron et al., "Emerging Properties in Self-Supervised Vision Transformers", ICCV 2021), with the paper's
 * multi-crop: each example holds 2 global views (views 0 and 1, {@code image.size}) and {@link Settings#localCrops}
 * smaller local views, made by the stream-app. The student (encoder, DINO head: 3-layer GELU MLP, L2 normalisation,
 * weight-normalised prototype layer) sees every view, one forward pass per resolution as DINO's multi-crop wrapper
 * does; the teacher, an EMA of the student with the cosine momentum schedule, sees only the global views. Its outputs
 * are centred and sharpened ({@link DinoLoss}); the teacher temperature warms up linearly with the global step; the
 * centre is an EMA of the teacher's batch means, kept on the method's manager and saved ({@code center} section).
 * The published encoder is the teacher's, which the paper finds better than the student (sec. 5.1).
 */
public final class DinoMethod implements NetworkedMethod {
    public static final String NAME = "dino";
    public static final String HIDDEN_CONFIG = "dino.hidden";
    public static final String BOTTLENECK_CONFIG = "dino.bottleneck";
    public static final String OUT_DIM_CONFIG = "dino.out.dim";
    public static final String LOCAL_CROPS_CONFIG = "dino.local.crops";
    public static final String STUDENT_TEMPERATURE_CONFIG = "dino.student.temperature";
    public static final String TEACHER_TEMPERATURE_CONFIG = "dino.teacher.temperature";
    public static final String TEACHER_TEMPERATURE_START_CONFIG = "dino.teacher.temperature.start";
    public static final String TEACHER_WARMUP_STEPS_CONFIG = "dino.teacher.warmup.steps";
    public static final String CENTER_MOMENTUM_CONFIG = "dino.center.momentum";
    public static final String MOMENTUM_BASE_CONFIG = "dino.momentum.base";
    private static final String CENTER = "center";
    private static final String STUDENT_ENCODER = "student.encoder";
    private static final String STUDENT_HEAD = "student.head";
    private static final String TEACHER_HEAD = "teacher.head";

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            Recipe.CONTRASTIVE,
            DinoMethod::define,
            ctx -> new DinoMethod(ctx.manager(), ctx.encoder(), settings(ctx)));

    private static ConfigDef define(ConfigDef def) {
        return def.define(
                        HIDDEN_CONFIG,
                        Type.INT,
                        256,
                        Range.between(1, 65536),
                        Importance.LOW,
                        "DINO head hidden units.")
                .define(
                        BOTTLENECK_CONFIG,
                        Type.INT,
                        64,
                        Range.between(1, 65536),
                        Importance.LOW,
                        "DINO head bottleneck before the prototype layer.")
                .define(
                        OUT_DIM_CONFIG,
                        Type.INT,
                        1024,
                        Range.between(2, 1 << 20),
                        Importance.MEDIUM,
                        "DINO prototypes K (the paper: 65536 on ImageNet).")
                .define(
                        LOCAL_CROPS_CONFIG,
                        Type.INT,
                        6,
                        Range.between(0, 62),
                        Importance.MEDIUM,
                        "DINO local crops per example after the 2 global ones (the paper's 2x224 + 6x96 setting); "
                                + "must match the stream-app's dino.local.crops.")
                .define(
                        STUDENT_TEMPERATURE_CONFIG,
                        Type.DOUBLE,
                        0.1,
                        Range.atLeast(1e-3),
                        Importance.MEDIUM,
                        "DINO student temperature.")
                .define(
                        TEACHER_TEMPERATURE_CONFIG,
                        Type.DOUBLE,
                        0.07,
                        Range.atLeast(1e-3),
                        Importance.MEDIUM,
                        "DINO teacher temperature after the warm-up.")
                .define(
                        TEACHER_TEMPERATURE_START_CONFIG,
                        Type.DOUBLE,
                        0.04,
                        Range.atLeast(1e-3),
                        Importance.LOW,
                        "DINO teacher temperature at step 0.")
                .define(
                        TEACHER_WARMUP_STEPS_CONFIG,
                        Type.LONG,
                        300L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Steps of the linear teacher temperature warm-up.")
                .define(
                        CENTER_MOMENTUM_CONFIG,
                        Type.DOUBLE,
                        0.9,
                        Range.between(0, 1),
                        Importance.LOW,
                        "DINO centre EMA momentum.")
                .define(
                        MOMENTUM_BASE_CONFIG,
                        Type.DOUBLE,
                        0.99,
                        Range.between(0, 1),
                        Importance.MEDIUM,
                        "DINO teacher momentum at step 0 (the paper: 0.996 on ImageNet).");
    }

    private static Settings settings(MethodContext ctx) {
        AbstractConfig c = ctx.settings();
        return new Settings(
                c.getInt(HIDDEN_CONFIG),
                c.getInt(BOTTLENECK_CONFIG),
                c.getInt(OUT_DIM_CONFIG),
                c.getInt(LOCAL_CROPS_CONFIG),
                ctx.floatOf(STUDENT_TEMPERATURE_CONFIG),
                ctx.floatOf(TEACHER_TEMPERATURE_START_CONFIG),
                ctx.floatOf(TEACHER_TEMPERATURE_CONFIG),
                c.getLong(TEACHER_WARMUP_STEPS_CONFIG),
                c.getDouble(CENTER_MOMENTUM_CONFIG),
                new MomentumSchedule(c.getDouble(MOMENTUM_BASE_CONFIG), ctx.momentumHorizonSteps()));
    }

    /**
     * @param hidden hidden units of the head's MLP
     * @param bottleneck output of the head's MLP, input of the prototype layer
     * @param outDim K, number of prototypes
     * @param localCrops local views per example after the 2 global ones
     * @param studentTemperature tau_s
     * @param teacherTemperatureStart tau_t at step 0
     * @param teacherTemperature tau_t after the warm-up
     * @param teacherWarmupSteps steps of the linear warm-up of tau_t
     * @param centerMomentum m of the centre's EMA
     * @param momentum the teacher's momentum as a function of the step
     */
    public record Settings(
            int hidden,
            int bottleneck,
            int outDim,
            int localCrops,
            float studentTemperature,
            float teacherTemperatureStart,
            float teacherTemperature,
            long teacherWarmupSteps,
            double centerMomentum,
            MomentumSchedule momentum) {
        public Settings {
            if (localCrops < 0) {
                throw new IllegalArgumentException("Local crops must not be negative, got " + localCrops);
            }
            if (!(centerMomentum >= 0 && centerMomentum <= 1)) {
                throw new IllegalArgumentException("Centre momentum must be in [0, 1], got " + centerMomentum);
            }
        }

        /** tau_t at {@code step}: linear from the start value to the final one over the warm-up, then constant. */
        public float teacherTemperatureAt(long step) {
            if (step >= teacherWarmupSteps) {
                return teacherTemperature;
            }
            double progress = Math.max(0, step) / (double) teacherWarmupSteps;
            return (float) (teacherTemperatureStart + (teacherTemperature - teacherTemperatureStart) * progress);
        }
    }

    private final EncoderArchitecture architecture;
    private final Settings settings;
    private final Networks networks;
    private final EmaTarget ema;
    private final NDArray center;
    private long centerUpdates;
    private NDArray pendingTeacher;

    public DinoMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        this.architecture = architecture;
        this.settings = settings;
        this.networks = new Networks(manager);
        Block teacherEncoder = networks.target(ENCODER_SECTION, architecture.build(manager));
        Block teacherHead = networks.target(TEACHER_HEAD, head(manager, architecture.featureDim(), settings));
        Block studentEncoder = networks.trainable(STUDENT_ENCODER, architecture.build(manager));
        Block studentHead = networks.trainable(STUDENT_HEAD, head(manager, architecture.featureDim(), settings));
        ema = new EmaTarget(manager, List.of(studentEncoder, studentHead), List.of(teacherEncoder, teacherHead));
        center = manager.zeros(new Shape(1, settings.outDim()));
    }

    private static Block head(NDManager manager, int in, Settings settings) {
        return Networks.head(
                manager,
                new SequentialBlock()
                        .add(MlpHead.dino(settings.hidden(), settings.bottleneck())
                                .build())
                        .add(new PrototypeLayer(settings.outDim())),
                in);
    }

    @Override
    public Networks networks() {
        return networks;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Views {@code view.0} and {@code view.1} are the global crops, the rest local ones. */
    @Override
    public List<String> inputs() {
        return Views.names(2 + settings.localCrops());
    }

    /** Only the two global crops have the encoder's canonical size. */
    @Override
    public List<String> canonicalInputs() {
        return Views.TWO;
    }

    /** The teacher's head, after the published (teacher) encoder. */
    @Override
    public Block head() {
        return networks.get(TEACHER_HEAD);
    }

    /** The teacher's encoder: the representation DINO evaluates and publishes. */
    @Override
    public NDArray loss(ParameterStore store, NDList views, long step) {
        if (views.size() != inputs().size()) {
            throw new IllegalArgumentException(
                    "DINO needs 2 global and " + settings.localCrops() + " local views, got " + views.size());
        }
        if (!views.get(0).getShape().equals(views.get(1).getShape())) {
            throw new IllegalArgumentException("DINO's two global views differ in size: "
                    + views.get(0).getShape() + " and " + views.get(1).getShape());
        }
        pendingTeacher = null;
        long n = views.get(0).getShape().get(0);
        NDArray globals = NDArrays.concat(new NDList(views.get(0), views.get(1)), 0);
        NDList features = new NDList(networks.forward(store, STUDENT_ENCODER, globals));
        for (NDList group : localGroups(views)) {
            features.add(networks.forward(store, STUDENT_ENCODER, NDArrays.concat(group, 0)));
        }
        NDArray studentOut = networks.forward(store, STUDENT_HEAD, NDArrays.concat(features, 0));
        NDArray teacherFeatures = networks.forward(store, ENCODER_SECTION, globals.stopGradient());
        NDArray teacherOut =
                networks.forward(store, TEACHER_HEAD, teacherFeatures).stopGradient();
        NDArray loss = DinoLoss.compute(
                studentOut.split(views.size()),
                teacherOut.split(2),
                center,
                settings.studentTemperature(),
                settings.teacherTemperatureAt(step));
        pendingTeacher = teacherOut;
        return loss;
    }

    /** Local views grouped by resolution, in view order, so that each group is one forward pass. */
    private static List<NDList> localGroups(NDList views) {
        Map<Shape, NDList> groups = new LinkedHashMap<>();
        for (int v = 2; v < views.size(); v++) {
            groups.computeIfAbsent(views.get(v).getShape(), s -> new NDList()).add(views.get(v));
        }
        return List.copyOf(groups.values());
    }

    /** Moves the teacher towards the student and the centre towards the teacher's batch mean (eq. 4). */
    @Override
    public void afterStep(long step) {
        ema.update(settings.momentum().at(step));
        if (pendingTeacher != null) {
            float m = (float) settings.centerMomentum();
            NDArray batchCenter = pendingTeacher.mean(new int[] {0}, true).mul(1 - m);
            center.muli(m).addi(batchCenter);
            centerUpdates++;
            pendingTeacher = null;
        }
    }

    @Override
    public Map<String, String> architecture() {
        Map<String, String> m = new HashMap<>(architecture.toMap());
        m.put(HIDDEN_CONFIG, Integer.toString(settings.hidden()));
        m.put(BOTTLENECK_CONFIG, Integer.toString(settings.bottleneck()));
        m.put(OUT_DIM_CONFIG, Integer.toString(settings.outDim()));
        m.put(LOCAL_CROPS_CONFIG, Integer.toString(settings.localCrops()));
        m.put(STUDENT_TEMPERATURE_CONFIG, Float.toString(settings.studentTemperature()));
        m.put(TEACHER_TEMPERATURE_CONFIG, Float.toString(settings.teacherTemperature()));
        m.put(CENTER_MOMENTUM_CONFIG, Double.toString(settings.centerMomentum()));
        m.put(MOMENTUM_BASE_CONFIG, Double.toString(settings.momentum().base()));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        Map<String, byte[]> sections = new LinkedHashMap<>(networks.save());
        sections.put(CENTER, ArrayState.save(centerUpdates, center));
        return sections;
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        networks.load(sections);
        centerUpdates = ArrayState.load(sections.get(CENTER), center, CENTER);
    }
}
