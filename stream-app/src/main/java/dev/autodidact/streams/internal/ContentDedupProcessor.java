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
 * Forwards a clean image unchanged when its key is new or its pixels differ from the last ones seen for that key, and
 * forwards {@code null} (filtered out downstream) for an exact repeat. The store keeps a SHA-256 of the pixels and the
 * dimensions per key; it is changelogged, so the decision survives restarts and is exactly-once with the output.
 */
public final class ContentDedupProcessor implements FixedKeyProcessor<String, CleanImage, CleanImage> {
    private final String storeName;
    private final StreamMetrics metrics;
    private final MessageDigest sha256;
    private KeyValueStore<String, byte[]> store;
    private FixedKeyProcessorContext<String, CleanImage> context;

    public ContentDedupProcessor(String storeName, StreamMetrics metrics) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CleanImage> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, CleanImage> record) {
        CleanImage image = record.value();
        if (record.key() == null || image == null) {
            context.forward(record);
            return;
        }
        sha256.update(new byte[] {
            (byte) (image.width() >>> 8), (byte) image.width(), (byte) (image.height() >>> 8), (byte) image.height()
        });
        byte[] digest = sha256.digest(image.pixels());
        if (Arrays.equals(store.get(record.key()), digest)) {
            metrics.recordDeduplicated();
            context.forward(record.withValue(null));
            return;
        }
        store.put(record.key(), digest);
        context.forward(record);
    }
}
