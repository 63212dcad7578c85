package dev.autodidact.schema.checkpoint;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Rebuilds checkpoints from the records of the {@code checkpoints} topic read in order with
 * {@code isolation.level=read_committed}. Chunks of a version are buffered until its manifest arrives; the payload's
 * SHA-256 is verified before the checkpoint is handed out.
 */
public final class CheckpointAssembler {
    private final TreeMap<Integer, byte[]> chunks = new TreeMap<>();
    private long pendingVersion = -1;

    /** Accepts one record; returns the checkpoint it completes, if any. */
    public Optional<Checkpoint> accept(String key, byte[] value) {
        long version = CheckpointCodec.versionOf(key);
        if (version < 0 || value == null) {
            return Optional.empty();
        }
        if (version != pendingVersion) {
            chunks.clear();
            pendingVersion = version;
        }
        if (!CheckpointCodec.isManifestKey(key)) {
            chunks.put(CheckpointCodec.chunkIndexOf(key), value);
            return Optional.empty();
        }
        CheckpointManifest m = CheckpointCodec.readManifest(value);
        if (chunks.size() != m.chunks()) {
            throw new SerializationException("Checkpoint v" + version + " has " + chunks.size() + " of "
                    + m.chunks() + " chunks");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) m.payloadBytes());
        chunks.values().forEach(out::writeBytes);
        chunks.clear();
        byte[] payload = out.toByteArray();
        if (payload.length != m.payloadBytes() || !CheckpointCodec.sha256(payload).equals(m.sha256())) {
            throw new SerializationException("Checkpoint v" + version + " payload does not match its SHA-256");
        }
        return Optional.of(new Checkpoint(m, payload));
    }
}
