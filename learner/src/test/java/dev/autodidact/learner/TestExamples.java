package dev.autodidact.learner;

import dev.autodidact.media.image.augment.SimClrAugmentation;
import dev.autodidact.media.image.views.SimClrRecipe;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.serde.ExampleSerde;
import java.util.List;

/** Record values as the stream-app writes them, for tests that produce to the clean and example topics. */
public final class TestExamples {
    private TestExamples() {}

    /**
     * An {@code examples.image.<method>} value as the stream-app writes it: {@code views} as {@code view.0, view.1, ...},
     * the first one also as the clean {@code input}, and the spec of a default two-view recipe at its size in
     * {@code augment}, so that replay can draw new views of it.
     */
    public static byte[] views(CleanImage... views) {
        Example plain = ImageArrays.views(List.of(views), "two-views");
        Example.Builder b = new Example.Builder();
        plain.metadata().forEach(b::meta);
        b.meta(Example.AUGMENT, new SimClrRecipe(SimClrAugmentation.defaultsFor(views[0].width()), 2).spec());
        b.put(ArrayNames.INPUT, ImageArrays.of(views[0]));
        plain.arrays().forEach(b::put);
        return ExampleSerde.write(b.build());
    }

    /** A {@code clean.image} value. */
    public static byte[] clean(CleanImage image) {
        return ExampleSerde.write(ImageArrays.clean(image));
    }
}
