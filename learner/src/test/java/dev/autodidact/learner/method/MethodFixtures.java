package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.SourceIds;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;

/** Tiny networks and synthetic batches for the method tests: noise images whose views differ in a few pixels. */
final class MethodFixtures {
    static final ConvEncoderSpec SPEC = ConvEncoderSpec.of(16, new int[] {8, 16}, 0);
    static final int LOCAL_SIZE = 8;
    static final int LOCAL_CROPS = 2;

    private MethodFixtures() {}

    /** Examples of 2 views of {@code SPEC.inputSize()} and {@code locals} views of {@link #LOCAL_SIZE}. */
    static ExampleBatch batch(int n, int locals, long seed) {
        return batch(n, locals, seed, 7);
    }

    /**
     * @param stride one byte in {@code stride} of each view is replaced by noise (2: half the pixels differ)
     */
    static ExampleBatch batch(int n, int locals, long seed, int stride) {
        Random r = new Random(seed);
        int size = SPEC.inputSize();
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] base = new byte[size * size * 3];
            r.nextBytes(base);
            List<CleanImage> views = new ArrayList<>();
            for (int v = 0; v < 2; v++) {
                views.add(new CleanImage(size, size, perturbed(base, r, stride)));
            }
            for (int v = 0; v < locals; v++) {
                views.add(new CleanImage(LOCAL_SIZE, LOCAL_SIZE, perturbed(corner(base, size, LOCAL_SIZE), r, stride)));
            }
            examples.add(SourceIds.tag(
                    ImageArrays.views(views, locals > 0 ? "multi-crop" : "two-views"),
                    ("image-" + seed + "-" + i).getBytes(StandardCharsets.UTF_8),
                    "t",
                    0,
                    i));
        }
        return new ExampleBatch(examples, Map.of(new TopicPartition("t", 0), (long) n));
    }

    private static byte[] perturbed(byte[] base, Random r, int stride) {
        byte[] out = base.clone();
        for (int j = r.nextInt(stride); j < out.length; j += stride) {
            out[j] = (byte) r.nextInt();
        }
        return out;
    }

    private static byte[] corner(byte[] image, int size, int crop) {
        byte[] out = new byte[crop * crop * 3];
        for (int y = 0; y < crop; y++) {
            System.arraycopy(image, y * size * 3, out, y * crop * 3, crop * 3);
        }
        return out;
    }

    static SslMethod create(String name, NDManager manager) {
        return switch (name) {
            case ByolMethod.NAME ->
                new ByolMethod(manager, SPEC, new ByolMethod.Settings(32, 16, new MomentumSchedule(0.9, 10), false));
            case MocoMethod.NAME ->
                new MocoMethod(
                        manager, SPEC, new MocoMethod.Settings(32, 16, 32, 0.2f, MomentumSchedule.constant(0.9)));
            case DinoMethod.NAME ->
                new DinoMethod(
                        manager,
                        SPEC,
                        new DinoMethod.Settings(
                                32, 16, 64, LOCAL_CROPS, 0.1f, 0.04f, 0.07f, 4, 0.9, new MomentumSchedule(0.9, 10)));
            case SimSiamMethod.NAME -> new SimSiamMethod(manager, SPEC, 32, 16, 8);
            case BarlowTwinsMethod.NAME -> new BarlowTwinsMethod(manager, SPEC, 32, 5e-3f);
            case VicRegMethod.NAME -> new VicRegMethod(manager, SPEC, new VicRegMethod.Settings(32, 25, 25, 1));
            case SimClrMethod.NAME -> new SimClrMethod(manager, SPEC, 32, 16, 0.5f);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static int locals(SslMethod method) {
        return method.inputs().size() - 2;
    }
}
