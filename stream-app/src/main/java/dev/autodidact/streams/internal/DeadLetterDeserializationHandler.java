package dev.autodidact.streams.internal;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record whose key or value cannot be deserialized to the dead-letter topic (reason
 * {@value DeadLetters#DESERIALIZATION_ERROR}, original bytes and headers) and carries on with the next record.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private final DeadLetterHandlerSupport support = new DeadLetterHandlerSupport();

    @Override
    public void configure(Map<String, ?> configs) {
        support.configure(configs);
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn(
                "Cannot deserialize record at {}-{}@{}; sending it to the dead-letter topic",
                context.topic(),
                context.partition(),
                context.offset(),
                exception);
        return Response.resume(List.of(support.deadLetter(
                context, record.key(), record.value(), DeadLetters.DESERIALIZATION_ERROR, exception)));
    }
}
