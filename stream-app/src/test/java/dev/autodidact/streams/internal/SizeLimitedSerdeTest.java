package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ExampleLimits;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.serde.ExampleSerde;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class SizeLimitedSerdeTest {
    private final Serde<byte[]> serde = SizeLimitedSerde.wrap(Serdes.ByteArray());
    private final Serde<Example> examples = SizeLimitedSerde.examples();

    @Test
    void shouldPassValuesUpToTheLimit() {
        byte[] largest = new byte[SizeLimitedSerde.MAX_VALUE_BYTES];

        assertThat(serde.serializer().serialize("t", new RecordHeaders(), largest))
                .isSameAs(largest);
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void shouldRefuseLargerValuesWhileSerializing() {
        byte[] tooLarge = new byte[SizeLimitedSerde.MAX_VALUE_BYTES + 1];

        assertThatThrownBy(() -> serde.serializer().serialize("t", new RecordHeaders(), tooLarge))
                .isInstanceOf(RecordTooLargeException.class)
                .hasMessageContaining("t");
    }

    @Test
    void shouldLeaveOutDeadLetterValuesThatCannotFit() {
        byte[] fits = new byte[10];

        assertThat(DeadLetters.fit(fits)).isSameAs(fits);
        assertThat(DeadLetters.fit(new byte[SizeLimitedSerde.MAX_VALUE_BYTES + 1]))
                .isNull();
        assertThat(DeadLetters.fit(null)).isNull();
    }

    @Test
    void shouldWriteExamplesWithExampleSerde() {
        Example clean = ImageArrays.clean(new CleanImage(2, 2, new byte[12]));

        byte[] bytes = examples.serializer().serialize("t", new RecordHeaders(), clean);

        assertThat(bytes[0]).isEqualTo(ExampleSerde.VERSION);
        assertThat(examples.deserializer().deserialize("t", bytes)).isEqualTo(clean);
        assertThat(examples.serializer().serialize("t", null)).isNull();
    }

    @Test
    void shouldRefuseAnExampleJustOverTheLimitWhileSerializing() {
        Example tooLarge = input(SizeLimitedSerde.MAX_VALUE_BYTES - 16);

        assertThatThrownBy(() -> examples.serializer().serialize("t", new RecordHeaders(), tooLarge))
                .isInstanceOf(RecordTooLargeException.class);
    }

    @Test
    void shouldRefuseAnExampleOverTheRecordLimitAsTooLargeRatherThanMalformed() {
        // ExampleSerde alone would refuse it with a plain SerializationException, which fails the stream thread.
        Example tooLarge = input(ExampleLimits.MAX_RECORD_BYTES + 1);

        assertThatThrownBy(() -> examples.serializer().serialize("t", new RecordHeaders(), tooLarge))
                .isInstanceOf(RecordTooLargeException.class)
                .hasMessageContaining("t");
    }

    private static Example input(int bytes) {
        return Example.builder(Modality.IMAGE)
                .put(ArrayNames.INPUT, Tensor.wrap(DType.U8, new int[] {bytes}, new byte[bytes]))
                .build();
    }
}
