package dev.autodidact.streams.internal;

import dev.autodidact.media.MediaRejectedException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the source record of a processor that threw to the dead-letter topic with its original key and value bytes
 * and carries on. The reason is the media reject reason if a {@link MediaRejectedException} escaped, otherwise
 * {@value DeadLetters#PROCESSING_ERROR}.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private final DeadLetterHandlerSupport support = new DeadLetterHandlerSupport();

    @Override
    public void configure(Map<String, ?> configs) {
        support.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String reason =
                exception instanceof MediaRejectedException m ? m.reason().code() : DeadLetters.PROCESSING_ERROR;
        LOG.warn(
                "Processor {} failed on record at {}-{}@{}; sending it to the dead-letter topic",
                context.processorNodeId(),
                context.topic(),
                context.partition(),
                context.offset(),
                exception);
        return Response.resume(List.of(
                support.deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), reason, exception)));
    }
}
