package dev.autodidact.streams.internal;

import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.media.audio.views.AudioDraw;
import dev.autodidact.media.audio.views.AudioRecipe;
import dev.autodidact.media.image.views.RecipeArray;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.method.MethodEntry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Makes one training example from one clean clip with a method's {@link AudioRecipe}: an {@link Example} holding the
 * clip as the I16 {@code [T]} array {@link ArrayNames#INPUT}, then every array of the draw by its name, the views
 * first ({@code view.0}, {@code view.1}: F32 log-mel {@code [1, mels, frames]} or waveform {@code [T']}), then
 * {@code mask} and {@code mask.index} of a masked-patches draw, with the metadata {@code modality=audio},
 * {@code recipe=<the method's ExampleRecipe id>}, {@code augment=<the recipe's spec>} and
 * {@value CleanAudio#SAMPLE_RATE}. With the input and the spec a replay buffer rebuilds the recipe
 * ({@link dev.autodidact.media.audio.views.AudioRecipes#parse}) and draws new views of the same clip.
 *
 * <p>The generator is seeded from the configured seed and the source record's topic, partition and offset
 * ({@link RecordSeeds}), as for images, so reprocessing reproduces the example: {@code recipe.draw(input clip, other,
 * RecordSeeds.generator(seed, topic, partition, offset))} gives its arrays. When the recipe mixes, the other clip comes
 * from the task's {@link AudioMixRing}, picked with a second generator derived from the same seed, so that the draw
 * itself uses the same random numbers whether or not there was a clip to mix. Headers pass through.
 */
public final class AudioExamplesProcessor implements FixedKeyProcessor<String, CleanAudio, Example> {
    /** Mixed into the record seed for the generator that picks the clip to mix: distinct from the draw's. */
    static final long MIX_SALT = 0x6D69_7852_696E_6721L;

    private final String recipeId;
    private final AudioRecipe recipe;
    private final String spec;
    private final long seed;
    private final StreamMetrics metrics;
    private final Timer augment;
    private final String ringStore;
    private final int ringClips;
    private FixedKeyProcessorContext<String, Example> context;
    private AudioMixRing ring;

    /**
     * @param method the SSL method: its name tags the timer, its recipe id goes into each example's metadata
     * @param recipe the audio recipe of the method's {@link dev.autodidact.schema.method.ExampleRecipe}
     * @param seed the configured seed
     * @param metrics counts examples
     * @param ringStore the name of the {@link AudioMixRing} store connected to this processor, or {@code null} when
     *     the recipe does not mix
     * @param ringClips the ring's slots
     */
    public AudioExamplesProcessor(
            MethodEntry method, AudioRecipe recipe, long seed, StreamMetrics metrics, String ringStore, int ringClips) {
        this.recipeId = method.recipe().id();
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.spec = recipe.spec();
        this.seed = seed;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.augment = metrics.augmentTimer(method.name());
        this.ringStore = ringStore;
        this.ringClips = ringClips;
    }

    /**
     * @param clipSamples the samples of the canonical clip
     * @param recipe an audio recipe
     * @return the bytes of each array an example of {@code recipe} holds, the input first: what the configuration
     *     checks against the record size
     */
    public static List<Long> arrayBytes(int clipSamples, AudioRecipe recipe) {
        List<Long> bytes = new ArrayList<>();
        bytes.add(2L * clipSamples);
        recipe.arrayLayouts().forEach(layout -> bytes.add(layout.byteSize()));
        return bytes;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Example> context) {
        this.context = context;
        if (ringStore != null) {
            ring = new AudioMixRing(context.getStateStore(ringStore), ringClips);
        }
    }

    @Override
    public void process(FixedKeyRecord<String, CleanAudio> record) {
        DeadLetters.Origin origin = Origins.of(context);
        RandomGenerator rng = RecordSeeds.generator(seed, origin.topic(), origin.partition(), origin.offset());
        long start = System.nanoTime();
        CleanAudio clean = record.value();
        Optional<PcmClip> other = Optional.empty();
        if (ring != null) {
            long mixSeed = RecordSeeds.seed(seed, origin.topic(), origin.partition(), origin.offset()) ^ MIX_SALT;
            other = ring.pick(new SplittableRandom(mixSeed), clean.sampleRate());
            ring.add(clean);
        }
        AudioDraw draw = recipe.draw(clean.clip(), other, rng);
        Example.Builder example = Example.builder(Modality.AUDIO)
                .meta(Example.RECIPE, recipeId)
                .meta(Example.AUGMENT, spec)
                .meta(CleanAudio.SAMPLE_RATE, Integer.toString(clean.sampleRate()))
                .put(ArrayNames.INPUT, clean.input());
        for (RecipeArray array : draw.arrays()) {
            example.put(array.name(), RecipeTensors.of(array));
        }
        augment.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        metrics.recordExample();
        context.forward(record.withValue(example.build()));
    }
}
