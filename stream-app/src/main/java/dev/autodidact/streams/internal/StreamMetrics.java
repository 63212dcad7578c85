package dev.autodidact.streams.internal;

import dev.autodidact.media.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * The stream-app's meters for one modality. Tags are bounded: modality, output kind, reject reason code, method.
 *
 * <ul>
 *   <li>{@code autodidact.stream.records.in} (modality): raw records read.</li>
 *   <li>{@code autodidact.stream.records.out} (modality, kind = clean | examples): records forwarded to a sink.</li>
 *   <li>{@code autodidact.stream.records.rejected} (modality, reason): records sent to the dead-letter topic; the
 *       media reject reasons and {@value DeadLetters#REPEATED_FAILURE} are registered at start, at 0.</li>
 *   <li>{@code autodidact.stream.decode} (modality): decode, validate and canonicalize one record.</li>
 *   <li>{@code autodidact.stream.augment} (modality, method): make one training example.</li>
 * </ul>
 */
public final class StreamMetrics {
    public static final String RECORDS_IN = "autodidact.stream.records.in";
    public static final String RECORDS_OUT = "autodidact.stream.records.out";
    public static final String RECORDS_REJECTED = "autodidact.stream.records.rejected";
    public static final String DECODE = "autodidact.stream.decode";
    public static final String AUGMENT = "autodidact.stream.augment";
    public static final String RECORDS_DEDUPLICATED = "autodidact.stream.records.deduplicated";
    public static final String KIND_CLEAN = "clean";
    public static final String KIND_EXAMPLES = "examples";

    private final MeterRegistry registry;
    private final String modality;
    private final Counter in;
    private final Counter outClean;
    private final Counter outExamples;
    private final Timer decode;
    private final Counter deduplicated;

    /**
     * @param registry where the meters live
     * @param modality the modality tag, e.g. {@code image}
     */
    public StreamMetrics(MeterRegistry registry, String modality) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.modality = Objects.requireNonNull(modality, "modality");
        in = Counter.builder(RECORDS_IN)
                .description("Raw records read")
                .tag("modality", modality)
                .register(registry);
        outClean = out(KIND_CLEAN);
        outExamples = out(KIND_EXAMPLES);
        for (RejectReason reason : RejectReason.values()) {
            rejected(registry, modality, reason.code());
        }
        rejected(registry, modality, DeadLetters.REPEATED_FAILURE);
        deduplicated = Counter.builder(RECORDS_DEDUPLICATED)
                .description("Valid records not forwarded to the clean topic: same key, same content")
                .tag("modality", modality)
                .register(registry);
        decode = Timer.builder(DECODE)
                .description("Decode, validate and canonicalize one raw record")
                .tag("modality", modality)
                .register(registry);
    }

    /** Counts one raw record read. */
    public void recordIn() {
        in.increment();
    }

    /** Counts one record forwarded to the clean topic. */
    public void recordClean() {
        outClean.increment();
    }

    /** Counts one record held back from the clean topic as a duplicate. */
    public void recordDeduplicated() {
        deduplicated.increment();
    }

    /** Counts one example forwarded to an examples topic. */
    public void recordExample() {
        outExamples.increment();
    }

    /** @param reason the reject reason code, e.g. {@code corrupt} */
    public void recordRejected(String reason) {
        rejected(registry, modality, reason).increment();
    }

    /** @return the decode timer */
    public Timer decodeTimer() {
        return decode;
    }

    /**
     * @param method the SSL method whose examples are timed
     * @return the augment timer of that method
     */
    public Timer augmentTimer(String method) {
        return Timer.builder(AUGMENT)
                .description("Make one training example")
                .tag("modality", modality)
                .tag("method", method)
                .register(registry);
    }

    /**
     * The rejected-records counter, also used by the exception handlers.
     *
     * @param registry where the counter lives
     * @param modality the modality tag, {@code unknown} when the handler cannot tell
     * @param reason the reject reason code
     * @return the counter
     */
    public static Counter rejected(MeterRegistry registry, String modality, String reason) {
        return Counter.builder(RECORDS_REJECTED)
                .description("Records sent to the dead-letter topic")
                .tag("modality", modality)
                .tag("reason", reason)
                .register(registry);
    }

    private Counter out(String kind) {
        return Counter.builder(RECORDS_OUT)
                .description("Records forwarded to an output topic")
                .tag("modality", modality)
                .tag("kind", kind)
                .register(registry);
    }
}
