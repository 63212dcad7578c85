package dev.autodidact.learner.modality;

import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.serde.ExampleSerde;

/** Reads the canonical input out of a {@code clean.<modality>} record, for health and the embedder alike. */
public final class CleanInputs {
    private CleanInputs() {}

    /**
     * @param value a clean record's value: an {@link Example} holding {@link ArrayNames#INPUT}
     * @param encoder the encoder the input is for
     * @return the input array
     * @throws org.apache.kafka.common.errors.SerializationException if the value is not an example (corrupt)
     * @throws IllegalArgumentException if it is one the encoder cannot take (unusable)
     */
    public static Tensor read(byte[] value, EncoderArchitecture encoder) {
        Example example = ExampleSerde.read(value);
        if (example.modality() != encoder.modality()) {
            throw new IllegalArgumentException(
                    "Clean record is " + example.modality().id() + ", the encoder takes "
                            + encoder.modality().id());
        }
        Tensor input = example.array(ArrayNames.INPUT);
        encoder.checkInput(input, true);
        return input;
    }
}
