package dev.autodidact.streams.internal;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.image.ImageCanonicalizer;
import dev.autodidact.media.image.ImageDecoder;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.CleanImage;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a raw image, checks it against the limits and brings it to the canonical size. An image the media code
 * rejects becomes a {@link Outcome.Rejected} with the original bytes (left out only if they could not fit in a
 * record, see {@link DeadLetters#fit(byte[])}) and the dead-letter headers; headers of accepted records pass through
 * unchanged.
 */
public final class ImageDecodeProcessor implements FixedKeyProcessor<String, byte[], Outcome<CleanImage>> {
    private static final Logger LOG = LoggerFactory.getLogger(ImageDecodeProcessor.class);

    private final ImageDecoder decoder;
    private final ImageCanonicalizer canonicalizer;
    private final StreamMetrics metrics;
    private FixedKeyProcessorContext<String, Outcome<CleanImage>> context;

    /**
     * @param decoder decodes with the configured limits
     * @param canonicalizer brings images to the canonical size
     * @param metrics counts and times records
     */
    public ImageDecodeProcessor(ImageDecoder decoder, ImageCanonicalizer canonicalizer, StreamMetrics metrics) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome<CleanImage>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        metrics.recordIn();
        long start = System.nanoTime();
        try {
            RgbImage image = canonicalizer.canonicalize(decoder.decode(record.value()));
            context.forward(record.withValue(Outcome.accepted(ImageConversion.toClean(image))));
        } catch (MediaRejectedException e) {
            String reason = e.reason().code();
            DeadLetters.Origin origin = Origins.of(context);
            LOG.debug("Rejected image {} at {}: {} ({})", record.key(), origin, reason, e.getMessage());
            metrics.recordRejected(reason);
            context.forward(record.withValue(Outcome.<CleanImage>rejected(DeadLetters.fit(record.value())))
                    .withHeaders(DeadLetters.headers(record.headers(), reason, e, origin)));
        } finally {
            metrics.decodeTimer().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
