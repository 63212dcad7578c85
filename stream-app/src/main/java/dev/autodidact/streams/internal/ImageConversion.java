package dev.autodidact.streams.internal;

import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.CleanImage;

/**
 * Maps between the media type {@link RgbImage} and the in-memory record value {@link CleanImage} (written out as an
 * {@link dev.autodidact.schema.example.Example} by {@link dev.autodidact.schema.example.ImageArrays}). Both are HWC RGB
 * bytes, so the pixel array is shared, not copied. A recipe's other arrays become example arrays with
 * {@link RecipeTensors}.
 */
public final class ImageConversion {
    private ImageConversion() {}

    /**
     * @param image decoded pixels
     * @return the same pixels as a record value
     */
    public static CleanImage toClean(RgbImage image) {
        return new CleanImage(image.width(), image.height(), image.pixels());
    }

    /**
     * @param image a record value
     * @return the same pixels as a media image
     */
    public static RgbImage toRgb(CleanImage image) {
        return new RgbImage(image.width(), image.height(), image.pixels());
    }
}
