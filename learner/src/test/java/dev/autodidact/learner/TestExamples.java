package dev.autodidact.learner;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.serde.ExampleSerde;
import java.util.List;

/** Record values as the stream-app writes them, for tests that produce to the clean and example topics. */
public final class TestExamples {
    private TestExamples() {
    }

    /** An {@code examples.image.<method>} value holding {@code views} as {@code view.0, view.1, ...}. */
    public static byte[] views(CleanImage... views) {
        return ExampleSerde.write(ImageArrays.views(List.of(views), "two-views"));
    }

    /** A {@code clean.image} value. */
    public static byte[] clean(CleanImage image) {
        return ExampleSerde.write(ImageArrays.clean(image));
    }
}
