package dev.autodidact.schema.checkpoint;

import dev.autodidact.schema.checkpoint.CheckpointException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Covers a manifest's bytes, and through its payload and section SHA-256 values the whole checkpoint: without a key
 * the seal is {@code sha256:<hex>} (catches corruption), with a key it is {@code hmac-sha256:<hex>} (HMAC-SHA256),
 * and a reader holding the key refuses any checkpoint that is not sealed with it. The seal travels in the manifest
 * record's {@code checkpoint-seal} header and in the mirror's {@code manifest.seal} file.
 */
public final class CheckpointSeal {
    private static final String SHA = "sha256:";
    private static final String HMAC = "hmac-sha256:";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private CheckpointSeal(byte[] key) {
        this.key = key;
    }

    /** Seals with SHA-256 and accepts any seal it can check (HMAC seals are not checked: there is no key). */
    public static CheckpointSeal unkeyed() {
        return new CheckpointSeal(null);
    }

    /** Seals with HMAC-SHA256 under {@code key} and accepts only seals made with it; an empty key is no key. */
    public static CheckpointSeal withKey(String key) {
        return key == null || key.isEmpty() ? unkeyed() : new CheckpointSeal(key.getBytes(StandardCharsets.UTF_8));
    }

    public boolean keyed() {
        return key != null;
    }

    /** The seal of {@code manifest}. */
    public String seal(byte[] manifest) {
        return key == null
                ? SHA + CheckpointCodec.sha256(manifest)
                : HMAC + HexFormat.of().formatHex(hmac(manifest));
    }

    /**
     * @param seal the seal found with the manifest, or {@code null}
     * @throws CheckpointException if the seal does not match, or a key is configured and the seal is not its HMAC
     */
    public void verify(byte[] manifest, String seal) {
        if (key != null) {
            if (seal == null || !seal.startsWith(HMAC)) {
                throw new CheckpointException(
                        Reason.UNSIGNED, "Checkpoint manifest is not signed, and a signing " + "key is configured");
            }
            byte[] expected = hmac(manifest);
            if (!MessageDigest.isEqual(expected, parseHex(seal.substring(HMAC.length())))) {
                throw new CheckpointException(
                        Reason.UNSIGNED, "Checkpoint manifest signature does not match the " + "configured key");
            }
            return;
        }
        if (seal != null
                && seal.startsWith(SHA)
                && !seal.substring(SHA.length()).equals(CheckpointCodec.sha256(manifest))) {
            throw new CheckpointException(Reason.CORRUPT, "Checkpoint manifest does not match its SHA-256 seal");
        }
    }

    private byte[] hmac(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    private static byte[] parseHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
