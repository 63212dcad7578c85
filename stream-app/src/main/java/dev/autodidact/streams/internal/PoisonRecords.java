package dev.autodidact.streams.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * Remembers which source records killed a stream thread, so that a record failing deterministically is dead-lettered
 * after {@code poison.max.failures} attempts instead of being replayed forever.
 *
 * <p>The uncaught-exception handler that replaces a dead stream thread does not know the record; under exactly-once
 * the replacement thread starts again from the last commit and meets the same record. So the first processor of each
 * sub-topology ({@link PoisonRecordGuard}) tells this tracker which record its thread is processing (a thread-local,
 * set before the record and cleared when it was processed or an {@link Exception} left it for the processing handler;
 * an {@link Error} leaves it set). Kafka Streams calls the uncaught-exception handler on the dying stream thread,
 * which reads the origin there and counts one failure for it ({@link #threadDied(Throwable)}). A production error the
 * {@link DeadLetterProductionHandler} answers with {@code fail()} is {@linkplain #blame blamed} on the handler
 * context's source record, because it surfaces later on the stream thread, while it processes some other record.
 *
 * <p>Counts live in memory, per application instance, in an LRU map of at most {@value #CAPACITY} origins; they are
 * kept after a record was given up, so it is dead-lettered again if its transaction aborts for another reason.
 */
public final class PoisonRecords {
    /** Most source records whose failures are remembered. */
    public static final int CAPACITY = 1024;

    private final int maxFailures;
    private final ThreadLocal<DeadLetters.Origin> current = new ThreadLocal<>();
    private final Map<DeadLetters.Origin, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DeadLetters.Origin, Failures> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<Throwable, DeadLetters.Origin> blamed = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param maxFailures failures of one record after which it is given up, at least 1 */
    public PoisonRecords(int maxFailures) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
        this.maxFailures = maxFailures;
    }

    /** @return failures of one record after which it is given up */
    public int maxFailures() {
        return maxFailures;
    }

    /** @param origin the source record the calling stream thread starts processing */
    public void processing(DeadLetters.Origin origin) {
        current.set(origin);
    }

    /** The calling stream thread finished its record, or handed its exception to the processing handler. */
    public void processed() {
        current.remove();
    }

    /**
     * Blames the failure that will kill a stream thread on {@code origin}; {@link DeadLetters.Origin#UNKNOWN} makes
     * {@link #threadDied(Throwable)} blame no record for it.
     *
     * @param failure the exception a handler answered {@code fail()} for
     * @param origin the source record it belongs to
     */
    public void blame(Throwable failure, DeadLetters.Origin origin) {
        blamed.put(failure, origin);
    }

    /**
     * Counts one failure of the record the dying thread was processing, or of the record {@link #blame blamed} for a
     * cause of {@code exception}. Call it on the dying stream thread.
     *
     * @param exception what killed the thread
     */
    public void threadDied(Throwable exception) {
        DeadLetters.Origin origin = blamedFor(exception).orElse(current.get());
        current.remove();
        if (origin != null && !origin.equals(DeadLetters.Origin.UNKNOWN)) {
            synchronized (failures) {
                failures.merge(
                        origin,
                        new Failures(1, rootCause(exception)),
                        (old, one) -> new Failures(old.count() + 1, one.last()));
            }
        }
    }

    /**
     * @param origin a source record
     * @return how often it killed a stream thread, as far as remembered
     */
    public int failures(DeadLetters.Origin origin) {
        synchronized (failures) {
            Failures f = failures.get(origin);
            return f == null ? 0 : f.count();
        }
    }

    /**
     * @param origin a source record about to be processed
     * @return its last failure if it failed {@link #maxFailures()} times or more and must go to the dead-letter topic
     */
    public Optional<Throwable> givenUp(DeadLetters.Origin origin) {
        synchronized (failures) {
            Failures f = failures.get(origin);
            return f != null && f.count() >= maxFailures ? Optional.of(f.last()) : Optional.empty();
        }
    }

    private Optional<DeadLetters.Origin> blamedFor(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            DeadLetters.Origin origin = blamed.remove(t);
            if (origin != null) {
                return Optional.of(origin);
            }
        }
        return Optional.empty();
    }

    /** The exception inside Kafka Streams' wrappers: what the processor or the producer threw. */
    static Throwable rootCause(Throwable exception) {
        Throwable t = exception;
        while (t instanceof StreamsException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private record Failures(int count, Throwable last) {}
}
