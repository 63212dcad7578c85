package dev.autodidact.media.image.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.media.testing.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComposeTest {
    @Test
    void shouldApplyTransformsInListOrder() {
        List<String> calls = new ArrayList<>();
        ImageTransform first = (in, rng) -> {
            calls.add("first");
            return HorizontalFlip.mirror(in);
        };
        ImageTransform second = (in, rng) -> {
            calls.add("second");
            return RandomGrayscale.grayscale(in);
        };
        RgbImage noise = TestImages.noise(5, 5, 1);

        RgbImage out = new Compose(List.of(first, second)).apply(noise, new SplittableRandom(1));

        assertThat(calls).containsExactly("first", "second");
        assertThat(out).isEqualTo(RandomGrayscale.grayscale(HorizontalFlip.mirror(noise)));
    }

    @Test
    void shouldBeIdentityWhenEmpty() {
        RgbImage noise = TestImages.noise(5, 5, 2);

        assertThat(new Compose(List.of()).apply(noise, new SplittableRandom(1))).isSameAs(noise);
    }
}
