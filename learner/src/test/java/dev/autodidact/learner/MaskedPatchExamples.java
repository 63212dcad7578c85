package dev.autodidact.learner;

import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code masked-patches} examples as the stream-app's recipe writes them, built by hand for the MAE tests and
 * benchmark: {@code view.0} and {@code input} an RGB u8 image, {@code mask} u8 [P] (1 = masked) and {@code mask.index}
 * i32 [P], the visible patches first (ascending), then the masked ones (ascending).
 */
public final class MaskedPatchExamples {
    private MaskedPatchExamples() {}

    /** {@code n} examples of random {@code size x size} images with {@code visible} of P random patches visible. */
    public static ExampleBatch batch(int n, int size, int patch, int visible, long seed) {
        Random r = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] pixels = new byte[size * size * 3];
            r.nextBytes(pixels);
            examples.add(example(pixels, size, patch, visible, r));
        }
        return new ExampleBatch(examples, Map.of(new TopicPartition("t", 0), (long) n));
    }

    /** One example of {@code pixels} with {@code visible} random patches of a {@code size / patch} grid visible. */
    public static Example example(byte[] pixels, int size, int patch, int visible, Random r) {
        int patches = (size / patch) * (size / patch);
        int[] shuffled = new int[patches];
        for (int p = 0; p < patches; p++) {
            shuffled[p] = p;
        }
        for (int p = patches - 1; p > 0; p--) {
            int j = r.nextInt(p + 1);
            int t = shuffled[p];
            shuffled[p] = shuffled[j];
            shuffled[j] = t;
        }
        int[] kept = Arrays.copyOfRange(shuffled, 0, visible);
        int[] dropped = Arrays.copyOfRange(shuffled, visible, patches);
        Arrays.sort(kept);
        Arrays.sort(dropped);
        int[] index = new int[patches];
        System.arraycopy(kept, 0, index, 0, visible);
        System.arraycopy(dropped, 0, index, visible, patches - visible);
        byte[] mask = new byte[patches];
        for (int p : dropped) {
            mask[p] = 1;
        }
        return of(pixels, size, mask, index);
    }

    /** An example with the given arrays, whatever they hold (for the rejection tests). */
    public static Example of(byte[] pixels, int size, byte[] mask, int[] index) {
        Tensor image = Tensor.wrap(DType.U8, new int[] {size, size, 3}, pixels);
        return Example.builder(Modality.IMAGE)
                .meta(Example.RECIPE, "masked-patches")
                .put(ArrayNames.view(0), image)
                .put(ArrayNames.MASK, Tensor.u8(new int[] {mask.length}, mask))
                .put(ArrayNames.MASK_INDEX, Tensor.i32(new int[] {index.length}, index))
                .put(ArrayNames.INPUT, image)
                .build();
    }
}
