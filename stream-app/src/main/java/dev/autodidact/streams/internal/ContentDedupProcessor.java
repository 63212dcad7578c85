package dev.autodidact.streams.internal;

import dev.autodidact.schema.CleanImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards a clean value unchanged when its key is new or its content differs from the last seen for that key, and
 * forwards {@code null} (filtered out downstream) for an exact repeat. The store keeps a SHA-256 of the content per
 * key ({@link Content}: an image's dimensions and pixels, a clip's rate and samples); it is changelogged, so the
 * decision survives restarts and is exactly-once with the output.
 *
 * @param <V> the clean value type of the modality
 */
public final class ContentDedupProcessor<V> implements FixedKeyProcessor<String, V, V> {
    /**
     * What of a clean value makes it the same as another: fed to the digest.
     *
     * @param <V> the clean value type
     */
    @FunctionalInterface
    public interface Content<V> {
        /**
         * @param digest the digest to update
         * @param value the value
         */
        void update(MessageDigest digest, V value);
    }

    /** An image's content: width and height (two bytes each), then the pixels. */
    public static final Content<CleanImage> IMAGE = (digest, image) -> {
        digest.update(new byte[] {
            (byte) (image.width() >>> 8), (byte) image.width(), (byte) (image.height() >>> 8), (byte) image.height()
        });
        digest.update(image.pixels());
    };

    /** A clip's content: its rate (four bytes), then its 16-bit samples. */
    public static final Content<CleanAudio> AUDIO = (digest, clip) -> {
        int rate = clip.sampleRate();
        digest.update(new byte[] {(byte) (rate >>> 24), (byte) (rate >>> 16), (byte) (rate >>> 8), (byte) rate});
        digest.update(clip.pcm16());
    };

    private final String storeName;
    private final StreamMetrics metrics;
    private final Content<V> content;
    private final MessageDigest sha256;
    private KeyValueStore<String, byte[]> store;
    private FixedKeyProcessorContext<String, V> context;

    /**
     * @param storeName the store of digests, key to SHA-256
     * @param metrics counts the repeats held back
     * @param content what of a value is compared
     */
    public ContentDedupProcessor(String storeName, StreamMetrics metrics, Content<V> content) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.content = Objects.requireNonNull(content, "content");
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        V value = record.value();
        if (record.key() == null || value == null) {
            context.forward(record);
            return;
        }
        content.update(sha256, value);
        byte[] digest = sha256.digest();
        if (Arrays.equals(store.get(record.key()), digest)) {
            metrics.recordDeduplicated();
            context.forward(record.withValue(null));
            return;
        }
        store.put(record.key(), digest);
        context.forward(record);
    }
}
