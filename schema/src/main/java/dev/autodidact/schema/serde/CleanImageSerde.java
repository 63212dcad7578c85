package dev.autodidact.schema.serde;

import dev.autodidact.schema.CleanImage;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wire format of {@link CleanImage}: magic {@code 'I'}, format version 1, big-endian int32 width and height, then
 * {@code width * height * 3} RGB bytes (HWC).
 */
public final class CleanImageSerde implements Serde<CleanImage> {
    static final byte MAGIC = 'I';
    static final byte VERSION = 1;

    /** Bytes one encoded image takes. */
    static int encodedSize(CleanImage image) {
        return 8 + image.pixels().length;
    }

    static void write(ByteBuffer buf, CleanImage image) {
        buf.putInt(image.width()).putInt(image.height()).put(image.pixels());
    }

    static CleanImage read(ByteBuffer buf) {
        int w = buf.getInt();
        int h = buf.getInt();
        long n = (long) w * h * 3;
        if (w <= 0 || h <= 0 || n > buf.remaining()) {
            throw new SerializationException("Bad image header " + w + "x" + h + " with " + buf.remaining() + " bytes");
        }
        byte[] pixels = new byte[(int) n];
        buf.get(pixels);
        return new CleanImage(w, h, pixels);
    }

    static void checkHeader(ByteBuffer buf, byte magic, byte version, String what) {
        if (buf.remaining() < 2 || buf.get() != magic || buf.get() != version) {
            throw new SerializationException("Not a version " + version + " " + what + " record");
        }
    }

    @Override
    public Serializer<CleanImage> serializer() {
        return (topic, image) -> {
            if (image == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate(2 + encodedSize(image)).put(MAGIC).put(VERSION);
            write(buf, image);
            return buf.array();
        };
    }

    @Override
    public Deserializer<CleanImage> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            checkHeader(buf, MAGIC, VERSION, "clean image");
            return read(buf);
        };
    }
}
