package dev.autodidact.streams.internal;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.ImageViews;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Makes one training example from one clean image with a method's {@link ViewRecipe}. The generator is seeded from
 * the configured seed and the source record's topic, partition and offset ({@link RecordSeeds}), so reprocessing
 * reproduces the example (a record without source metadata, which only a punctuation could emit, would get the seed of
 * an unknown origin). Headers pass through.
 */
public final class ImageExamplesProcessor implements FixedKeyProcessor<String, CleanImage, ImageViews> {
    private final ViewRecipe recipe;
    private final long seed;
    private final StreamMetrics metrics;
    private final Timer augment;
    private FixedKeyProcessorContext<String, ImageViews> context;

    /**
     * @param method the SSL method, for the timer's tag
     * @param recipe the method's view recipe
     * @param seed the configured seed
     * @param metrics counts examples
     */
    public ImageExamplesProcessor(String method, ViewRecipe recipe, long seed, StreamMetrics metrics) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.seed = seed;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.augment = metrics.augmentTimer(method);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ImageViews> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, CleanImage> record) {
        DeadLetters.Origin origin = Origins.of(context);
        RandomGenerator rng = RecordSeeds.generator(seed, origin.topic(), origin.partition(), origin.offset());
        long start = System.nanoTime();
        ImageViews views = recipe.views(ImageConversion.toRgb(record.value()), rng);
        augment.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        metrics.recordExample();
        context.forward(record.withValue(views));
    }
}
