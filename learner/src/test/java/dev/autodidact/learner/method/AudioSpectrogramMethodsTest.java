package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.Collator;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.audio.AudioConvEncoderSpec;
import dev.autodidact.learner.modality.audio.AudioVitEncoderSpec;
import dev.autodidact.learner.optim.AdamW;
import dev.autodidact.learner.optim.LearningRateSchedule;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.learner.train.TrainStep;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The image methods' classes learn from audio unchanged, on the audio encoders: SimCLR and BYOL on two log-mel views
 * with {@code audio-conv}, MAE on the patches of a log-mel view with {@code audio-vit} (its masks over the rectangular
 * grid pass MAE's own check). Each lowers its loss on a repeated batch.
 */
class AudioSpectrogramMethodsTest {
    private static final AudioConvEncoderSpec CONV = AudioConvEncoderSpec.of(16000, 16000, 64, new int[] {8, 16});
    /** 8 x 4 patches of 8 x 8 over 64 mels and 32 frames. */
    private static final AudioVitEncoderSpec VIT = AudioVitEncoderSpec.of(16000, 16000, 64, 32, 8, 32, 1, 4, 2);

    private static float[] logMel(Random r, float[] base, int frames) {
        float[] v = new float[64 * frames];
        for (int i = 0; i < v.length; i++) {
            v[i] = base[i % base.length] + 0.3f * (float) r.nextGaussian();
        }
        return v;
    }

    private static ExampleBatch twoViews(int n, long seed) {
        Random r = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] base = new float[64 * 40];
            for (int j = 0; j < base.length; j++) {
                base[j] = -17 + 6 * (float) r.nextGaussian();
            }
            examples.add(Example.builder(Modality.AUDIO)
                    .put(ArrayNames.view(0), Tensor.f32(new int[] {1, 64, 40}, logMel(r, base, 40)))
                    .put(ArrayNames.view(1), Tensor.f32(new int[] {1, 64, 40}, logMel(r, base, 40)))
                    .build());
        }
        return new ExampleBatch(examples, Map.of(new TopicPartition("t", 0), (long) n));
    }

    private static ExampleBatch maskedPatches(int n, int visible, long seed) {
        Random r = new Random(seed);
        int patches = VIT.patchCount();
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] view = new float[64 * 33];
            for (int j = 0; j < view.length; j++) {
                view[j] = -17 + 6 * (float) Math.sin(j % 33 * 0.3 + i) + (float) r.nextGaussian();
            }
            int[] order = r.ints(0, 1 << 30).limit(patches).toArray();
            Integer[] shuffled = new Integer[patches];
            for (int p = 0; p < patches; p++) {
                shuffled[p] = p;
            }
            Arrays.sort(shuffled, (a, b) -> Integer.compare(order[a], order[b]));
            int[] kept = Arrays.stream(shuffled, 0, visible)
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            int[] dropped = Arrays.stream(shuffled, visible, patches)
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            int[] index = new int[patches];
            System.arraycopy(kept, 0, index, 0, visible);
            System.arraycopy(dropped, 0, index, visible, patches - visible);
            byte[] mask = new byte[patches];
            for (int p : dropped) {
                mask[p] = 1;
            }
            examples.add(Example.builder(Modality.AUDIO)
                    .put(ArrayNames.view(0), Tensor.f32(new int[] {1, 64, 33}, view))
                    .put(ArrayNames.MASK, Tensor.u8(new int[] {patches}, mask))
                    .put(ArrayNames.MASK_INDEX, Tensor.i32(new int[] {patches}, index))
                    .build());
        }
        return new ExampleBatch(examples, Map.of(new TopicPartition("t", 0), (long) n));
    }

    private static float[] train(SslMethod method, EncoderArchitecture encoder, ExampleBatch batch, int steps) {
        ExampleValidator validator =
                new ExampleValidator(method.inputs(), method.canonicalInputs(), encoder, method::checkExample);
        batch.examples().forEach(validator::check);
        try (NDManager root = NDManager.newBaseManager()) {
            TrainStep step = new TrainStep(
                    root,
                    method,
                    new AdamW(root, 0f),
                    LearningRateSchedule.constantAfterWarmup(3e-3f, 0),
                    new Collator(encoder));
            float first = step.run(0, batch).loss();
            float last = first;
            for (int s = 1; s < steps; s++) {
                last = step.run(s, batch).loss();
            }
            return new float[] {first, last};
        }
    }

    @Test
    void shouldTrainSimClrAndByolOnLogMelViewsWithTheAudioConvEncoder() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            float[] simclr = train(new SimClrMethod(m, CONV, 32, 16, 0.5f), CONV, twoViews(12, 1), 12);
            assertThat(simclr[1]).as("simclr %s", Arrays.toString(simclr)).isLessThan(0.95f * simclr[0]);
            float[] byol = train(
                    new ByolMethod(m, CONV, new ByolMethod.Settings(32, 16, new MomentumSchedule(0.9, 10), false)),
                    CONV,
                    twoViews(12, 2),
                    12);
            assertThat(byol[1]).as("byol %s", Arrays.toString(byol)).isLessThan(0.95f * byol[0]);
        }
    }

    @Test
    void shouldTrainMaeOnTheRectangularPatchGridOfTheAudioVit() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            MaeMethod mae = new MaeMethod(m, VIT, new MaeMethod.Settings(16, 1, 2, true));
            float[] loss = train(mae, VIT, maskedPatches(8, 8, 3), 15);
            assertThat(loss[1]).as("mae %s", Arrays.toString(loss)).isLessThan(0.9f * loss[0]);
        }
    }
}
