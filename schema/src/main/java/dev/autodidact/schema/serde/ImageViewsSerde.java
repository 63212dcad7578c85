package dev.autodidact.schema.serde;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.ImageViews;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wire format of {@link ImageViews}: magic {@code 'V'}, format version 1, int16 view count, then each view as in
 * {@link CleanImageSerde} without its magic (width, height, pixels). Views may differ in size (multi-crop).
 */
public final class ImageViewsSerde implements Serde<ImageViews> {
    private static final byte MAGIC = 'V';
    private static final byte VERSION = 1;
    private static final int MAX_VIEWS = 64;

    @Override
    public Serializer<ImageViews> serializer() {
        return (topic, example) -> {
            if (example == null) {
                return null;
            }
            int size = 4 + example.views().stream().mapToInt(CleanImageSerde::encodedSize).sum();
            ByteBuffer buf = ByteBuffer.allocate(size).put(MAGIC).put(VERSION).putShort((short) example.size());
            example.views().forEach(v -> CleanImageSerde.write(buf, v));
            return buf.array();
        };
    }

    @Override
    public Deserializer<ImageViews> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            CleanImageSerde.checkHeader(buf, MAGIC, VERSION, "image views");
            int n = buf.getShort();
            if (n < 1 || n > MAX_VIEWS) {
                throw new SerializationException("Bad view count " + n);
            }
            List<CleanImage> views = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                views.add(CleanImageSerde.read(buf));
            }
            return new ImageViews(views);
        };
    }
}
