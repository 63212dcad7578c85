package dev.autodidact.learner.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.autodidact.learner.loss.DinoLoss;
import dev.autodidact.learner.model.EncoderSpec;
import dev.autodidact.learner.model.MlpHead;
import dev.autodidact.learner.model.PrototypeLayer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
public final class DinoMethod implements SslMethod {
    public static final String NAME = "dino";
    private static final String CENTER = "center";

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
    public record Settings(int hidden, int bottleneck, int outDim, int localCrops, float studentTemperature,
                           float teacherTemperatureStart, float teacherTemperature, long teacherWarmupSteps,
                           double centerMomentum, MomentumSchedule momentum) {
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

    private final NDManager manager;
    private final EncoderSpec spec;
    private final Settings settings;
    private final Map<String, Block> student = new LinkedHashMap<>();
    private final Map<String, Block> teacher = new LinkedHashMap<>();
    private final EmaTarget ema;
    private final NDArray center;
    private long centerUpdates;
    private NDArray pendingTeacher;

    public DinoMethod(NDManager manager, EncoderSpec spec, Settings settings) {
        this.manager = manager;
        this.spec = spec;
        this.settings = settings;
        student.put("student.encoder", Networks.encoder(manager, spec));
        student.put("student.head", head(manager, spec.featureDim(), settings));
        teacher.put("encoder", Networks.encoder(manager, spec));
        teacher.put("teacher.head", head(manager, spec.featureDim(), settings));
        ema = new EmaTarget(manager, List.copyOf(student.values()), List.copyOf(teacher.values()));
        center = manager.zeros(new Shape(1, settings.outDim()));
    }

    private static Block head(NDManager manager, int in, Settings settings) {
        return Networks.head(manager, new SequentialBlock()
                .add(MlpHead.dino(settings.hidden(), settings.bottleneck()).build())
                .add(new PrototypeLayer(settings.outDim())), in);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int viewsPerExample() {
        return 2 + settings.localCrops();
    }

    /** The teacher's head, after the published (teacher) encoder. */
    @Override
    public Block head() {
        return teacher.get("teacher.head");
    }

    /** The teacher's encoder: the representation DINO evaluates and publishes. */
    @Override
    public Block encoder() {
        return teacher.get("encoder");
    }

    @Override
    public List<Pair<String, Parameter>> trainableParameters() {
        return TrainableParameters.of(student);
    }

    /** The loss with the teacher temperature after its warm-up (a call without the global step). */
    @Override
    public NDArray loss(ParameterStore store, NDList views) {
        return loss(store, views, Long.MAX_VALUE);
    }

    @Override
    public NDArray loss(ParameterStore store, NDList views, long step) {
        if (views.size() != viewsPerExample()) {
            throw new IllegalArgumentException("DINO needs 2 global and " + settings.localCrops()
                    + " local views, got " + views.size());
        }
        if (!views.get(0).getShape().equals(views.get(1).getShape())) {
            throw new IllegalArgumentException("DINO's two global views differ in size: " + views.get(0).getShape()
                    + " and " + views.get(1).getShape());
        }
        pendingTeacher = null;
        long n = views.get(0).getShape().get(0);
        NDArray globals = NDArrays.concat(new NDList(views.get(0), views.get(1)), 0);
        NDList features = new NDList(block(student, 0).forward(store, new NDList(globals), true).singletonOrThrow());
        for (NDList group : localGroups(views)) {
            NDArray crops = NDArrays.concat(group, 0);
            features.add(block(student, 0).forward(store, new NDList(crops), true).singletonOrThrow());
        }
        NDArray studentOut = block(student, 1).forward(store, new NDList(NDArrays.concat(features, 0)), true)
                .singletonOrThrow();
        NDArray teacherFeatures = block(teacher, 0).forward(store, new NDList(globals.stopGradient()), true)
                .singletonOrThrow();
        NDArray teacherOut = block(teacher, 1).forward(store, new NDList(teacherFeatures), true).singletonOrThrow()
                .stopGradient();
        NDArray loss = DinoLoss.compute(studentOut.split(views.size()), teacherOut.split(2), center,
                settings.studentTemperature(), settings.teacherTemperatureAt(step));
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

    private static Block block(Map<String, Block> networks, int index) {
        return List.copyOf(networks.values()).get(index);
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
        Map<String, String> m = new HashMap<>(spec.toMap());
        m.put("dino.hidden", Integer.toString(settings.hidden()));
        m.put("dino.bottleneck", Integer.toString(settings.bottleneck()));
        m.put("dino.out.dim", Integer.toString(settings.outDim()));
        m.put("dino.local.crops", Integer.toString(settings.localCrops()));
        m.put("dino.student.temperature", Float.toString(settings.studentTemperature()));
        m.put("dino.teacher.temperature", Float.toString(settings.teacherTemperature()));
        m.put("dino.center.momentum", Double.toString(settings.centerMomentum()));
        m.put("dino.momentum.base", Double.toString(settings.momentum().base()));
        return m;
    }

    @Override
    public Map<String, byte[]> saveState() {
        Map<String, byte[]> sections = BlockState.saveAll(teacher);
        sections.putAll(BlockState.saveAll(student));
        sections.put(CENTER, ArrayState.save(centerUpdates, center));
        return sections;
    }

    @Override
    public void loadState(Map<String, byte[]> sections) {
        BlockState.loadAll(student, manager, sections);
        BlockState.loadAll(teacher, manager, sections);
        centerUpdates = ArrayState.load(sections.get(CENTER), center, CENTER);
    }
}
