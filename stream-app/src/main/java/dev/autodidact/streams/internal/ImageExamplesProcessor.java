package dev.autodidact.streams.internal;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.media.image.views.RecipeDraw;
import dev.autodidact.media.image.views.ViewRecipe;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.method.MethodEntry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Makes one training example from one clean image with a method's {@link ViewRecipe}: an {@link Example} holding the
 * clean image as the uint8 {@code [h, w, 3]} array {@link ArrayNames#INPUT}, then the views as {@code view.0},
 * {@code view.1}, ..., then the recipe's other arrays by their names ({@code mask}, {@code mask.index},
 * {@code target}: {@link RecipeDraw#arrays()}), and the metadata {@code modality=image}, {@code recipe=<the method's ExampleRecipe id>} and
 * {@code augment=<the recipe's spec>}. With the input and the spec a replay buffer rebuilds the recipe
 * ({@link dev.autodidact.media.image.views.ViewRecipes#parse}) and draws new views, masks and targets of the same
 * image. The generator
 * is seeded from the configured seed and the source record's topic, partition and offset ({@link RecordSeeds}), so
 * reprocessing reproduces the example (a record without source metadata, which only a punctuation could emit, would
 * get the seed of an unknown origin). Headers pass through.
 */
public final class ImageExamplesProcessor implements FixedKeyProcessor<String, CleanImage, Example> {
    /** Metadata key of the method catalogue's recipe id, e.g. {@code two-views} or {@code masked-patches}. */
    public static final String RECIPE = Example.RECIPE;
    /** Metadata key of the view recipe's spec, e.g. {@code v1;two-views;views=2;size=32;...}. */
    public static final String AUGMENT = Example.AUGMENT;

    private final String recipeId;
    private final ViewRecipe recipe;
    private final String spec;
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
        this.spec = recipe.spec();
        this.seed = seed;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.augment = metrics.augmentTimer(method.name());
    }

    /**
     * @param inputSide the side of the clean image
     * @param recipe a view recipe
     * @return the side of every square image an example of {@code recipe} holds, the input first: what the
     *     configuration checks against the record size
     */
    public static List<Integer> imageSides(int inputSide, ViewRecipe recipe) {
        List<Integer> sides = new ArrayList<>(1 + recipe.viewSides().size());
        sides.add(inputSide);
        sides.addAll(recipe.viewSides());
        return sides;
    }

    /**
     * @param recipe a view recipe
     * @return the bytes of each array an example of {@code recipe} holds besides its images (masks, targets), in
     *     order: the rest of what the configuration checks against the record size
     */
    public static List<Long> arrayBytes(ViewRecipe recipe) {
        return recipe.arrayLayouts().stream().map(RecipeArray.Layout::byteSize).toList();
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
        CleanImage clean = record.value();
        RecipeDraw draw = recipe.draw(ImageConversion.toRgb(clean), rng);
        List<RgbImage> views = draw.views();
        Example.Builder example = Example.builder(Modality.IMAGE)
                .meta(RECIPE, recipeId)
                .meta(AUGMENT, spec)
                .put(ArrayNames.INPUT, ImageArrays.of(clean));
        for (int i = 0; i < views.size(); i++) {
            example.put(ArrayNames.view(i), ImageArrays.of(ImageConversion.toClean(views.get(i))));
        }
        for (RecipeArray array : draw.arrays()) {
            example.put(array.name(), RecipeTensors.of(array));
        }
        augment.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        metrics.recordExample();
        context.forward(record.withValue(example.build()));
    }
}
