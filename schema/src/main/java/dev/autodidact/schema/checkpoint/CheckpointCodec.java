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
 * Record keys: {@code simclr/v0000000042/chunk/00003} for chunks (written first) and {@code simclr/v0000000042/manifest}
 * last; versions count per method, so the method leads the key and methods never share one.
 */
public final class CheckpointCodec {
    /** Default chunk size, well under Kafka's default 1 MiB message limit. */
    public static final int DEFAULT_CHUNK_BYTES = 512 * 1024;

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CheckpointCodec() {}

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
        CheckpointManifest m = draft.withPayload(table, payload.length, chunks, sha256(payload));
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
            records.add(Map.entry(chunkKey(m.method(), m.version(), i), Arrays.copyOfRange(payload, from, to)));
        }
        records.add(Map.entry(manifestKey(m.method(), m.version()), writeManifest(m)));
        return records;
    }

    /** The key of a manifest record: {@code simclr/v0000000042/manifest}. */
    public static String manifestKey(String method, long version) {
        return versionPrefix(method, version) + "manifest";
    }

    /** The key of a chunk record: {@code simclr/v0000000042/chunk/00003}. */
    public static String chunkKey(String method, long version, int index) {
        return versionPrefix(method, version) + String.format(Locale.ROOT, "chunk/%05d", index);
    }

    /** What every record key of one checkpoint starts with: {@code simclr/v0000000042/}. */
    public static String versionPrefix(String method, long version) {
        return method + "/" + versionName(version) + "/";
    }

    /** The name of a version, as a record key part and as the local mirror's directory: {@code v0000000042}. */
    public static String versionName(long version) {
        return String.format(Locale.ROOT, "v%010d", version);
    }

    /** The version a directory or key part such as {@code v0000000042} names, or -1. */
    public static long versionOfName(String name) {
        if (name == null || name.length() != 11 || name.charAt(0) != 'v') {
            return -1;
        }
        for (int i = 1; i < 11; i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(name.substring(1));
    }

    /** The version a checkpoint record key belongs to, or -1 if the key is not a checkpoint key. */
    public static long versionOf(String key) {
        String[] parts = key == null ? new String[0] : key.split("/", -1);
        return parts.length >= 3 && !parts[0].isEmpty() ? versionOfName(parts[1]) : -1;
    }

    /** The method a checkpoint record key belongs to, or the empty string. */
    public static String methodOf(String key) {
        return versionOf(key) < 0 ? "" : key.substring(0, key.indexOf('/'));
    }

    public static boolean isManifestKey(String key) {
        return versionOf(key) >= 0 && key.endsWith("/manifest") && key.split("/", -1).length == 3;
    }

    /** The chunk index in a chunk key, or -1. */
    public static int chunkIndexOf(String key) {
        String[] parts = key == null ? new String[0] : key.split("/", -1);
        if (parts.length != 4 || versionOf(key) < 0 || !"chunk".equals(parts[2]) || parts[3].length() != 5) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static byte[] writeManifest(CheckpointManifest m) {
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write manifest v" + m.version(), e);
        }
    }

    public static CheckpointManifest readManifest(byte[] json) {
        if (json == null || json.length > CheckpointLimits.MAX_MANIFEST_BYTES) {
            throw new CheckpointException(
                    CheckpointException.Reason.TOO_LARGE,
                    "A manifest of "
                            + (json == null ? "no" : json.length) + " bytes (at most "
                            + CheckpointLimits.MAX_MANIFEST_BYTES
                            + ")");
        }
        try {
            return JSON.readValue(json, CheckpointManifest.class);
        } catch (IOException e) {
            throw new CheckpointException(
                    CheckpointException.Reason.CORRUPT, "Not a checkpoint manifest: " + e.getMessage(), e);
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
