package dev.autodidact.schema.checkpoint;

import dev.autodidact.schema.checkpoint.CheckpointException.Reason;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rebuilds one checkpoint (a method and a version) from the records of the {@code checkpoints} topic read in order
 * with {@code isolation.level=read_committed}; records of other checkpoints are passed over. Chunks are buffered up
 * to {@link CheckpointLimits#MAX_PAYLOAD_BYTES} until the manifest arrives; then {@link #verified} checks the seal,
 * the limits, the chunk count, the payload's and every section's SHA-256 before the checkpoint is handed out.
 */
public final class CheckpointAssembler {
    private final String prefix;
    private final CheckpointSeal seal;
    private final TreeMap<Integer, byte[]> chunks = new TreeMap<>();
    private long buffered;

    public CheckpointAssembler(String method, long version, CheckpointSeal seal) {
        this.prefix = CheckpointCodec.versionPrefix(method, version);
        this.seal = seal;
    }

    /**
     * Accepts one record; returns the checkpoint its manifest completes, if this is that manifest.
     *
     * @param sealHeader the record's {@code checkpoint-seal} header, or {@code null}
     * @throws CheckpointException if the checkpoint is incomplete, corrupt, too large or not sealed as required
     */
    public Optional<Checkpoint> accept(String key, byte[] value, String sealHeader) {
        if (key == null || !key.startsWith(prefix) || value == null) {
            return Optional.empty();
        }
        if (!CheckpointCodec.isManifestKey(key)) {
            int index = CheckpointCodec.chunkIndexOf(key);
            if (index < 0 || index >= CheckpointLimits.MAX_CHUNKS) {
                throw new CheckpointException(Reason.CORRUPT, "Unexpected checkpoint record " + key);
            }
            byte[] old = chunks.put(index, value);
            buffered += value.length - (old == null ? 0 : old.length);
            if (buffered > CheckpointLimits.MAX_PAYLOAD_BYTES) {
                throw new CheckpointException(
                        Reason.TOO_LARGE,
                        "Checkpoint " + prefix + " exceeds " + CheckpointLimits.MAX_PAYLOAD_BYTES + " bytes");
            }
            return Optional.empty();
        }
        CheckpointManifest m = CheckpointCodec.readManifest(value);
        CheckpointLimits.check(m);
        if (chunks.size() != m.chunks() || (!chunks.isEmpty() && chunks.lastKey() != m.chunks() - 1)) {
            throw new CheckpointException(
                    Reason.INCOMPLETE,
                    "Checkpoint " + prefix + " has " + chunks.size() + " of " + m.chunks() + " chunks");
        }
        if (buffered != m.payloadBytes()) {
            throw new CheckpointException(
                    Reason.INCOMPLETE,
                    "Checkpoint " + prefix + " has " + buffered + " of " + m.payloadBytes() + " payload bytes");
        }
        byte[] payload = new byte[(int) buffered];
        int at = 0;
        for (byte[] chunk : chunks.values()) {
            System.arraycopy(chunk, 0, payload, at, chunk.length);
            at += chunk.length;
        }
        chunks.clear();
        buffered = 0;
        return Optional.of(verified(value, sealHeader, payload, seal));
    }

    /**
     * A checkpoint from a manifest's bytes, its seal and a payload, once all of them check out.
     *
     * @throws CheckpointException if anything does not match
     */
    public static Checkpoint verified(byte[] manifestBytes, String sealValue, byte[] payload, CheckpointSeal seal) {
        seal.verify(manifestBytes, sealValue);
        CheckpointManifest m = CheckpointCodec.readManifest(manifestBytes);
        CheckpointLimits.check(m);
        if (payload.length != m.payloadBytes()
                || !CheckpointCodec.sha256(payload).equals(m.sha256())) {
            throw new CheckpointException(
                    Reason.CORRUPT,
                    "Checkpoint " + m.method() + " v" + m.version() + " payload does not match its SHA-256");
        }
        Checkpoint cp = new Checkpoint(m, payload);
        for (CheckpointSection s : m.sections()) {
            if (!s.sha256().isEmpty()
                    && !CheckpointCodec.sha256(cp.section(s.name())).equals(s.sha256())) {
                throw new CheckpointException(
                        Reason.CORRUPT,
                        "Section " + s.name() + " of checkpoint v" + m.version() + " does not match its SHA-256");
            }
        }
        return cp;
    }
}
