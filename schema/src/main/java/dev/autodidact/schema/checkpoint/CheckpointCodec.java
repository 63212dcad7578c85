package dev.autodidact.schema.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns sections into a payload and a manifest, cuts the payload into chunk records, and reads manifests back.
 * Record keys: {@code v0000000042/chunk/00003} for chunks (written first) and {@code v0000000042/manifest} last.
 */
public final class CheckpointCodec {
    /** Default chunk size, well under Kafka's default 1 MiB message limit. */
    public static final int DEFAULT_CHUNK_BYTES = 512 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CheckpointCodec() {
    }

    /** Lays {@code sections} out one after the other and returns the payload with the section table filled in. */
    public static Checkpoint assemble(CheckpointManifest draft, Map<String, byte[]> sections, int chunkBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<CheckpointSection> table = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : sections.entrySet()) {
            table.add(new CheckpointSection(e.getKey(), out.size(), e.getValue().length, sha256(e.getValue())));
            out.writeBytes(e.getValue());
        }
        byte[] payload = out.toByteArray();
        int chunks = Math.max(1, (payload.length + chunkBytes - 1) / chunkBytes);
        CheckpointManifest m = new CheckpointManifest(draft.version(), draft.parentVersion(), draft.method(),
                draft.modality(), draft.architecture(), draft.step(), draft.samplesSeen(), draft.offsets(),
                draft.metrics(), table, payload.length, chunks, sha256(payload), draft.createdAtMs());
        return new Checkpoint(m, payload);
    }

    /** The records that carry {@code checkpoint}, chunks first and the manifest last, in publication order. */
    public static List<Map.Entry<String, byte[]>> toRecords(Checkpoint checkpoint) {
        CheckpointManifest m = checkpoint.manifest();
        byte[] payload = checkpoint.payload();
        int chunkBytes = Math.max(1, (int) Math.ceil(payload.length / (double) m.chunks()));
        List<Map.Entry<String, byte[]>> records = new ArrayList<>(m.chunks() + 1);
        for (int i = 0; i < m.chunks(); i++) {
            int from = Math.min(payload.length, i * chunkBytes);
            int to = Math.min(payload.length, from + chunkBytes);
            records.add(Map.entry(chunkKey(m.version(), i), Arrays.copyOfRange(payload, from, to)));
        }
        records.add(Map.entry(manifestKey(m.version()), writeManifest(m)));
        return records;
    }

    public static String manifestKey(long version) {
        return String.format(Locale.ROOT, "v%010d/manifest", version);
    }

    public static String chunkKey(long version, int index) {
        return String.format(Locale.ROOT, "v%010d/chunk/%05d", version, index);
    }

    /** The version a checkpoint record key belongs to, or -1 if the key is not a checkpoint key. */
    public static long versionOf(String key) {
        if (key == null || key.length() < 12 || key.charAt(0) != 'v' || key.charAt(11) != '/') {
            return -1;
        }
        try {
            return Long.parseLong(key.substring(1, 11));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static boolean isManifestKey(String key) {
        return versionOf(key) >= 0 && key.endsWith("/manifest");
    }

    /** The chunk index in a chunk key, or -1. */
    public static int chunkIndexOf(String key) {
        int at = key == null ? -1 : key.indexOf("/chunk/");
        return versionOf(key) < 0 || at < 0 ? -1 : Integer.parseInt(key.substring(at + 7));
    }

    public static byte[] writeManifest(CheckpointManifest m) {
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write manifest v" + m.version(), e);
        }
    }

    public static CheckpointManifest readManifest(byte[] json) {
        try {
            return JSON.readValue(json, CheckpointManifest.class);
        } catch (IOException e) {
            throw new SerializationException("Not a checkpoint manifest", e);
        }
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
