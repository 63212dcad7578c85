package dev.autodidact.learner;

import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;

/** Training batches for tests and benchmarks. */
public final class TestBatches {
    private TestBatches() {}

    /** {@code n} examples of two related random {@code size x size} views (the second a perturbed copy). */
    public static ExampleBatch pairs(int n, int size, long seed) {
        Random r = new Random(seed);
        List<CleanImage> first = new ArrayList<>();
        List<CleanImage> second = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] a = new byte[size * size * 3];
            r.nextBytes(a);
            byte[] b = a.clone();
            for (int j = 0; j < b.length; j += 7) {
                b[j] = (byte) r.nextInt();
            }
            first.add(new CleanImage(size, size, a));
            second.add(new CleanImage(size, size, b));
        }
        return of(first, second);
    }

    /** Two-view examples pairing {@code first.get(i)} with {@code second.get(i)}. */
    public static ExampleBatch of(List<CleanImage> first, List<CleanImage> second) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            examples.add(ImageArrays.views(List.of(first.get(i), second.get(i)), "two-views"));
        }
        return new ExampleBatch(examples, Map.of(new TopicPartition("t", 0), (long) first.size()));
    }
}
