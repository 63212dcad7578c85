package dev.autodidact.streams.internal;

import dev.autodidact.media.MediaRejectedException;
import dev.autodidact.media.audio.AudioCanonicalizer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a raw WAV file within the limits, mixes it down, resamples it and cuts or pads it to the canonical clip
 * ({@link AudioCanonicalizer}). A file the media code rejects (a header that lies about its sizes, too many bytes,
 * channels or seconds, a format it does not read) becomes a {@link Outcome.Rejected} with the original bytes (left out
 * only if they could not fit in a record, {@link DeadLetters#fit(byte[])}) and the dead-letter headers, exactly as
 * {@link ImageDecodeProcessor} does for images; headers of accepted records pass through unchanged.
 */
public final class AudioDecodeProcessor implements FixedKeyProcessor<String, byte[], Outcome<CleanAudio>> {
    private static final Logger LOG = LoggerFactory.getLogger(AudioDecodeProcessor.class);

    private final AudioCanonicalizer canonicalizer;
    private final StreamMetrics metrics;
    private FixedKeyProcessorContext<String, Outcome<CleanAudio>> context;

    /**
     * @param canonicalizer decodes with the configured limits and brings clips to the canonical rate and length
     * @param metrics counts and times records
     */
    public AudioDecodeProcessor(AudioCanonicalizer canonicalizer, StreamMetrics metrics) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome<CleanAudio>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        metrics.recordIn();
        long start = System.nanoTime();
        try {
            CleanAudio clip = CleanAudio.of(canonicalizer.canonicalize(record.value()));
            context.forward(record.withValue(Outcome.accepted(clip)));
        } catch (MediaRejectedException e) {
            String reason = e.reason().code();
            DeadLetters.Origin origin = Origins.of(context);
            LOG.debug("Rejected audio {} at {}: {} ({})", record.key(), origin, reason, e.getMessage());
            metrics.recordRejected(reason);
            context.forward(record.withValue(Outcome.<CleanAudio>rejected(DeadLetters.fit(record.value())))
                    .withHeaders(DeadLetters.headers(record.headers(), reason, e, origin)));
        } finally {
            metrics.decodeTimer().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
