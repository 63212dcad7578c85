package dev.autodidact.learner.replay;

import dev.autodidact.schema.checkpoint.CheckpointLimits;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ExampleLimits;
import dev.autodidact.schema.serde.ExampleSerde;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay buffer as the checkpoint section {@code replay}: the policy's state (int64), the item count (int32), then
 * each item as an int32 length and its {@link ExampleSerde} bytes. Every length is checked against what is left and
 * against {@link ExampleLimits#MAX_RECORD_BYTES} before anything is allocated.
 */
public final class ReplayState {
    /** The checkpoint section holding the buffer. */
    public static final String SECTION = "replay";

    private ReplayState() {}

    public static byte[] save(ReplayBuffer buffer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            List<Example> items = buffer.items();
            out.writeLong(buffer.state());
            out.writeInt(items.size());
            for (Example e : items) {
                byte[] b = ExampleSerde.write(e);
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalStateException if the section is malformed (truncated, lengths out of range, an item that is
     *     not an example)
     */
    public static void load(byte[] section, ReplayBuffer buffer) {
        ByteBuffer in = ByteBuffer.wrap(section);
        try {
            long state = in.getLong();
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 13) {
                throw new IllegalStateException(
                        "Replay section claims " + count + " items in " + in.remaining() + " bytes");
            }
            List<Example> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = CheckpointLimits.checkedLength(in.getInt(), in.remaining(), "replay item");
                if (length > ExampleLimits.MAX_RECORD_BYTES) {
                    throw new IllegalStateException("Replay item of " + length + " bytes");
                }
                byte[] b = new byte[length];
                in.get(b);
                items.add(ExampleSerde.read(b));
            }
            if (in.hasRemaining()) {
                throw new IllegalStateException(in.remaining() + " trailing bytes in the replay section");
            }
            buffer.restore(items, state);
        } catch (java.nio.BufferUnderflowException | org.apache.kafka.common.errors.SerializationException e) {
            throw new IllegalStateException("Malformed replay section: " + e.getMessage(), e);
        }
    }
}
