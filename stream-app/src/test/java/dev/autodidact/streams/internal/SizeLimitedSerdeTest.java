package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class SizeLimitedSerdeTest {
    private final Serde<byte[]> serde = SizeLimitedSerde.wrap(Serdes.ByteArray());

    @Test
    void shouldPassValuesUpToTheLimit() {
        byte[] largest = new byte[SizeLimitedSerde.MAX_VALUE_BYTES];

        assertThat(serde.serializer().serialize("t", new RecordHeaders(), largest)).isSameAs(largest);
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void shouldRefuseLargerValuesWhileSerializing() {
        byte[] tooLarge = new byte[SizeLimitedSerde.MAX_VALUE_BYTES + 1];

        assertThatThrownBy(() -> serde.serializer().serialize("t", new RecordHeaders(), tooLarge))
                .isInstanceOf(RecordTooLargeException.class).hasMessageContaining("t");
    }

    @Test
    void shouldLeaveOutDeadLetterValuesThatCannotFit() {
        byte[] fits = new byte[10];

        assertThat(DeadLetters.fit(fits)).isSameAs(fits);
        assertThat(DeadLetters.fit(new byte[SizeLimitedSerde.MAX_VALUE_BYTES + 1])).isNull();
        assertThat(DeadLetters.fit(null)).isNull();
    }
}
