package dev.autodidact.streams.internal;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.method.MethodEntry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Makes one training example from one clean image with a method's {@link ViewRecipe}: an {@link Example} with the
 * views as uint8 {@code [h, w, 3]} arrays {@code view.0}, {@code view.1}, ... and metadata {@code modality=image},
 * {@code recipe=<the method's ExampleRecipe id>} ({@link ImageArrays#views}). The generator is seeded from the
 * configured seed and the source record's topic, partition and offset ({@link RecordSeeds}), so reprocessing
 * reproduces the example (a record without source metadata, which only a punctuation could emit, would get the seed of
 * an unknown origin). Headers pass through.
 */
public final class ImageExamplesProcessor implements FixedKeyProcessor<String, CleanImage, Example> {
    private final String recipeId;
    private final ViewRecipe recipe;
    private final long seed;
    private final StreamMetrics metrics;
    private final Timer augment;
    private FixedKeyProcessorContext<String, Example> context;

    /**
     * @param method the SSL method: its name tags the timer, its recipe id goes into each example's metadata
     * @param recipe the view recipe of the method's {@link dev.autodidact.schema.method.ExampleRecipe}
     * @param seed the configured seed
     * @param metrics counts examples
     */
    public ImageExamplesProcessor(MethodEntry method, ViewRecipe recipe, long seed, StreamMetrics metrics) {
        this.recipeId = method.recipe().id();
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.seed = seed;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.augment = metrics.augmentTimer(method.name());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Example> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, CleanImage> record) {
        DeadLetters.Origin origin = Origins.of(context);
        RandomGenerator rng = RecordSeeds.generator(seed, origin.topic(), origin.partition(), origin.offset());
        long start = System.nanoTime();
        List<CleanImage> views = recipe.views(ImageConversion.toRgb(record.value()), rng);
        Example example = ImageArrays.views(views, recipeId);
        augment.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        metrics.recordExample();
        context.forward(record.withValue(example));
    }
}
