package dev.autodidact.learner.train;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.ImageViews;

/**
 * Whether a well-formed example is usable by this method: exactly {@code views} views, the first two (the global
 * views) at the encoder's input size, and any further views (local crops) square, no larger than the input size and
 * all of one size, the size of the first accepted example's local crops, so that every batch stacks.
 */
public final class ExampleValidator {
    private final int views;
    private final int inputSize;
    private int localSize = -1;

    public ExampleValidator(int views, int inputSize) {
        this.views = views;
        this.inputSize = inputSize;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code example} */
    public void check(ImageViews example) {
        if (example.size() != views) {
            throw new IllegalArgumentException("Example has " + example.size() + " views, the method needs " + views);
        }
        for (int i = 0; i < example.size(); i++) {
            CleanImage v = example.view(i);
            if (i < 2 && (v.width() != inputSize || v.height() != inputSize)) {
                throw new IllegalArgumentException("View " + i + " is " + v.width() + "x" + v.height()
                        + ", the encoder takes " + inputSize + "x" + inputSize);
            }
            if (i >= 2 && (v.width() != v.height() || v.width() > inputSize
                    || (localSize > 0 && v.width() != localSize))) {
                throw new IllegalArgumentException("Local view " + i + " is " + v.width() + "x" + v.height()
                        + ", expected square " + (localSize > 0 ? localSize : "<= " + inputSize));
            }
        }
        if (example.size() > 2 && localSize < 0) {
            localSize = example.view(2).width();
        }
    }
}
