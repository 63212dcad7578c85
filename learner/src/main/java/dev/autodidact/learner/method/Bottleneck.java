package dev.autodidact.learner.method;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the decoder of a pixel-reconstructing dense method (inpainting, denoising autoencoder) reads of the encoder.
 * The choice decides what the encoder learns: decoding from the pooled vector forces the scene through the
 * representation that is embedded and probed, while a decoder of the spatial map can solve the task by propagating
 * local texture between neighbouring cells and leave the pooled vector untrained (measured on CIFAR-10: inpainting from
 * the map probed no better than a random encoder).
 */
public enum Bottleneck {
    /** The encoder's pooled features (N, D), the exact output it publishes, through a seed network. */
    POOLED,
    /** The encoder's spatial feature map before pooling, for ablation. */
    MAP;

    /** The setting's value, e.g. {@code pooled}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every value of the setting. */
    public static String[] ids() {
        return Arrays.stream(values()).map(Bottleneck::id).toArray(String[]::new);
    }

    /** @throws IllegalArgumentException naming the known values */
    public static Bottleneck of(String id) {
        for (Bottleneck b : values()) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown bottleneck '" + id + "'; known: " + Arrays.toString(ids()));
    }
}
