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
 * A record too large to produce goes to the dead-letter topic (reason {@value DeadLetters#RECORD_TOO_LARGE}, the
 * source record's original bytes when Kafka Streams still has them) and processing continues; every other production
 * or serialization error stops the stream thread, because it means the cluster or the code is wrong, not the record.
 *
 * <p>With exactly-once, the producer itself marks its transaction abortable when it refuses a record, so the task
 * restarts from its last commit; the configuration therefore bounds every output below the record limit, and this
 * handler is the last line of defence, not the routine path.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private final DeadLetterHandlerSupport support = new DeadLetterHandlerSupport();

    @Override
    public void configure(Map<String, ?> configs) {
        support.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            LOG.warn("Record for {} is too large; sending its source record at {}-{}@{} to the dead-letter topic",
                    record.topic(), context.topic(), context.partition(), context.offset(), exception);
            return Response.resume(List.of(support.deadLetter(context, context.sourceRawKey(),
                    context.sourceRawValue(), DeadLetters.RECORD_TOO_LARGE, exception)));
        }
        LOG.error("Cannot produce to {}; failing the stream thread", record.topic(), exception);
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the raw type
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        LOG.error("Cannot serialize the {} of a record for {}; failing the stream thread", origin, record.topic(),
                exception);
        return Response.fail();
    }
}
