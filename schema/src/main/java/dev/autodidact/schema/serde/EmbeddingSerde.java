package dev.autodidact.schema.serde;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An embedding as bare little-endian float32 values, nothing else: {@code numpy.frombuffer(value, dtype='<f4')} reads
 * it. The model version and dimension travel in headers.
 */
public final class EmbeddingSerde implements Serde<float[]> {
    @Override
    public Serializer<float[]> serializer() {
        return (topic, v) -> {
            if (v == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(v);
            return buf.array();
        };
    }

    @Override
    public Deserializer<float[]> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length % Float.BYTES != 0) {
                throw new SerializationException("Embedding of " + bytes.length + " bytes is not a float32 vector");
            }
            float[] v = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(v);
            return v;
        };
    }
}
