package dev.autodidact.streams.internal;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output too large for a record sends its source record to the dead-letter topic (reason
 * {@value DeadLetters#RECORD_TOO_LARGE}, original bytes when Kafka Streams still has them) and processing continues;
 * every other production or serialization error stops the stream thread, because it means the cluster or the code is
 * wrong, not the record.
 *
 * <p>The sinks detect oversized values while serializing ({@link SizeLimitedSerde}), which is the path that works
 * with exactly-once. A record the producer itself refuses has already made the transaction abortable: with
 * exactly-once the task then restarts from its last commit whatever this handler answers, so that path only helps
 * at-least-once, and a refused dead-letter record fails the thread rather than loop.
 *
 * <p>Each {@code fail()} is {@linkplain DeadLetterHandlerSupport#blame blamed} on the source record, so that the
 * replaced thread's failure is counted for that record in {@link PoisonRecords} and the record is dead-lettered with
 * reason {@value DeadLetters#REPEATED_FAILURE} after {@code poison.max.failures} attempts instead of being replayed
 * forever; a failure writing the dead-letter topic itself is blamed on no record.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private final DeadLetterHandlerSupport support = new DeadLetterHandlerSupport();

    @Override
    public void configure(Map<String, ?> configs) {
        support.configure(configs);
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException && !support.topic().equals(record.topic())) {
            return deadLetter(context, record.topic(), exception);
        }
        LOG.error("Cannot produce to {}; failing the stream thread", record.topic(), exception);
        support.blame(context, record.topic(), exception);
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the raw type
    public Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        if (exception instanceof RecordTooLargeException) {
            return deadLetter(context, record.topic(), exception);
        }
        LOG.error(
                "Cannot serialize the {} of a record for {}; failing the stream thread",
                origin,
                record.topic(),
                exception);
        support.blame(context, record.topic(), exception);
        return Response.fail();
    }

    private Response deadLetter(ErrorHandlerContext context, String topic, Exception exception) {
        LOG.warn(
                "Record for {} is too large; sending its source record at {}-{}@{} to the dead-letter topic",
                topic,
                context.topic(),
                context.partition(),
                context.offset(),
                exception);
        return Response.resume(List.of(support.deadLetter(
                context, context.sourceRawKey(), context.sourceRawValue(), DeadLetters.RECORD_TOO_LARGE, exception)));
    }
}
