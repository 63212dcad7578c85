package dev.autodidact.streams;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.streams.internal.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A decode decorator that throws an {@link AssertionError} (an {@link Error}, which no record handler catches) for
 * the value {@link #VALUE}, every time: a record that kills the stream thread deterministically.
 */
final class PoisonPill {
    static final byte[] VALUE = "poison pill".getBytes(StandardCharsets.US_ASCII);

    private PoisonPill() {}

    static UnaryOperator<FixedKeyProcessor<String, byte[], Outcome<CleanImage>>> decorator() {
        return decode -> new FixedKeyProcessor<>() {
            @Override
            public void init(FixedKeyProcessorContext<String, Outcome<CleanImage>> context) {
                decode.init(context);
            }

            @Override
            public void process(FixedKeyRecord<String, byte[]> record) {
                if (Arrays.equals(record.value(), VALUE)) {
                    throw new AssertionError("poison pill");
                }
                decode.process(record);
            }
        };
    }
}
