package dev.autodidact.schema.serde;

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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Round trips of {@link ExampleSerde}, and its bytes against an independent writer of the same layout. */
class ExampleSerdeTest {
    /**
     * Written by {@code /usr/bin/python3 python/make_example_fixture.py} (json and struct only): the safetensors
     * reference writer's layout after the version byte, {@code __metadata__} first, arrays by descending dtype size
     * and then name, a zero-size array sharing its begin offset with the next one.
     */
    static final byte[] PYTHON_FIXTURE = Base64.getMimeDecoder().decode("""
            AfgBAAAAAAAAeyJfX21ldGFkYXRhX18iOnsibW9kYWxpdHkiOiJpbWFnZSIsInJlY2lwZSI6InNp
            bWNsci12MSIsIm5vdGUiOiJjYWbDqSJ9LCJtYXNrLmluZGV4Ijp7ImR0eXBlIjoiSTY0Iiwic2hh
            cGUiOlszXSwiZGF0YV9vZmZzZXRzIjpbMCwyNF19LCJ0YXJnZXQiOnsiZHR5cGUiOiJGMzIiLCJz
            aGFwZSI6WzIsMl0sImRhdGFfb2Zmc2V0cyI6WzI0LDQwXX0sImxlbmd0aCI6eyJkdHlwZSI6Ikkz
            MiIsInNoYXBlIjpbXSwiZGF0YV9vZmZzZXRzIjpbNDAsNDRdfSwidG9rZW5zIjp7ImR0eXBlIjoi
            STE2Iiwic2hhcGUiOls0XSwiZGF0YV9vZmZzZXRzIjpbNDQsNTJdfSwiZW1wdHkiOnsiZHR5cGUi
            OiJVOCIsInNoYXBlIjpbMCwzXSwiZGF0YV9vZmZzZXRzIjpbNTIsNTJdfSwidmlldy4wIjp7ImR0
            eXBlIjoiVTgiLCJzaGFwZSI6WzIsMiwzXSwiZGF0YV9vZmZzZXRzIjpbNTIsNjRdfSwibWFzayI6
            eyJkdHlwZSI6IkJPT0wiLCJzaGFwZSI6WzRdLCJkYXRhX29mZnNldHMiOls2NCw2OF19fSAgICAg
            AAAAAAAAAAAFAAAAAAAAAAAAAAAA////AADAPwAAAMAAAAAAAABQQAcAAAABAP7/LAEAgAAUKDxQ
            ZHiMoLTI3AEAAAE=
            """);
    /** The same record with the header's entries listed in reverse ({@code make_example_fixture.py --shuffled}). */
    static final byte[] PYTHON_FIXTURE_SHUFFLED = Base64.getMimeDecoder().decode("""
            AfgBAAAAAAAAeyJtYXNrIjp7ImR0eXBlIjoiQk9PTCIsInNoYXBlIjpbNF0sImRhdGFfb2Zmc2V0
            cyI6WzY0LDY4XX0sInZpZXcuMCI6eyJkdHlwZSI6IlU4Iiwic2hhcGUiOlsyLDIsM10sImRhdGFf
            b2Zmc2V0cyI6WzUyLDY0XX0sImVtcHR5Ijp7ImR0eXBlIjoiVTgiLCJzaGFwZSI6WzAsM10sImRh
            dGFfb2Zmc2V0cyI6WzUyLDUyXX0sInRva2VucyI6eyJkdHlwZSI6IkkxNiIsInNoYXBlIjpbNF0s
            ImRhdGFfb2Zmc2V0cyI6WzQ0LDUyXX0sImxlbmd0aCI6eyJkdHlwZSI6IkkzMiIsInNoYXBlIjpb
            XSwiZGF0YV9vZmZzZXRzIjpbNDAsNDRdfSwidGFyZ2V0Ijp7ImR0eXBlIjoiRjMyIiwic2hhcGUi
            OlsyLDJdLCJkYXRhX29mZnNldHMiOlsyNCw0MF19LCJtYXNrLmluZGV4Ijp7ImR0eXBlIjoiSTY0
            Iiwic2hhcGUiOlszXSwiZGF0YV9vZmZzZXRzIjpbMCwyNF19LCJfX21ldGFkYXRhX18iOnsibW9k
            YWxpdHkiOiJpbWFnZSIsInJlY2lwZSI6InNpbWNsci12MSIsIm5vdGUiOiJjYWbDqSJ9fSAgICAg
            AAAAAAAAAAAFAAAAAAAAAAAAAAAA////AADAPwAAAMAAAAAAAABQQAcAAAABAP7/LAEAgAAUKDxQ
            ZHiMoLTI3AEAAAE=
            """);

    private static final List<String> FIXTURE_ORDER =
            List.of("mask.index", "target", "length", "tokens", "empty", "view.0", "mask");

    /** What the fixture holds, built in Java in the reference writer's order. */
    static Example fixtureExample() {
        byte[] pixels = new byte[12];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (20 * i);
        }
        ByteBuffer tokens = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : new short[] {1, -2, 300, -32768}) {
            tokens.putShort(s);
        }
        return new Example.Builder()
                .meta("modality", "image")
                .meta("recipe", "simclr-v1")
                .meta("note", "caf\u00e9")
                .put("mask.index", Tensor.i64(new int[] {3}, new long[] {0, 5, -(1L << 40)}))
                .put("target", Tensor.f32(new int[] {2, 2}, new float[] {1.5f, -2f, 0f, 3.25f}))
                .put("length", Tensor.scalar(7))
                .put("tokens", Tensor.wrap(DType.I16, new int[] {4}, tokens.array()))
                .put("empty", Tensor.u8(new int[] {0, 3}, new byte[0]))
                .put("view.0", Tensor.u8(new int[] {2, 2, 3}, pixels))
                .put("mask", Tensor.wrap(DType.BOOL, new int[] {4}, new byte[] {1, 0, 0, 1}))
                .build();
    }

    static CleanImage randomImage(int width, int height, long seed) {
        byte[] pixels = new byte[width * height * 3];
        new Random(seed).nextBytes(pixels);
        return new CleanImage(width, height, pixels);
    }

    @Test
    void shouldRoundTripImageViews() {
        CleanImage a = randomImage(32, 32, 1);
        CleanImage b = randomImage(24, 24, 2);
        Example written = ImageArrays.views(List.of(a, b), "simclr-default");

        Example read = ExampleSerde.read(ExampleSerde.write(written));

        assertThat(read).isEqualTo(written);
        assertThat(read.modality()).isEqualTo(Modality.IMAGE);
        assertThat(read.meta("recipe")).contains("simclr-default");
        assertThat(read.viewCount()).isEqualTo(2);
        assertThat(ImageArrays.image(read.array("view.0"))).isEqualTo(a);
        assertThat(ImageArrays.image(read.array("view.1"))).isEqualTo(b);
        assertThat(read.array("view.1").shape()).containsExactly(24, 24, 3);
    }

    @Test
    void shouldRoundTripEveryTypeWithScalarsAndZeroSizeArraysInOrder() {
        Example written = new Example.Builder()
                .put("empty.first", Tensor.f32(new int[] {0}, new float[0]))
                .put(ArrayNames.INPUT, Tensor.u8(new int[] {1, 2, 3}, new byte[] {1, 2, 3, 4, 5, (byte) 255}))
                .put(ArrayNames.LENGTH, Tensor.scalar(-3))
                .put("empty.middle", Tensor.i64(new int[] {4, 0, 2}, new long[0]))
                .put(ArrayNames.TARGET, Tensor.f32(new int[] {3}, new float[] {Float.NaN, -0f, Float.MIN_VALUE}))
                .put(ArrayNames.MASK_INDEX, Tensor.i64(new int[] {2}, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}))
                .put(ArrayNames.MASK, Tensor.wrap(DType.BOOL, new int[] {1, 3}, new byte[] {0, 1, 1}))
                .put(ArrayNames.TOKENS, Tensor.wrap(DType.I16, new int[] {2}, new byte[] {1, 0, (byte) 0xff, 0x7f}))
                .put("step", Tensor.i64(new int[0], new long[] {42}))
                .put("empty.last", Tensor.u8(new int[] {0}, new byte[0]))
                .meta("modality", "text")
                .meta("tokenizer", "bpe-v3 \u00e9\u4e2d\ud83d\ude00")
                .meta("empty", "")
                .build();

        Example read = ExampleSerde.read(ExampleSerde.write(written));

        assertThat(read).isEqualTo(written);
        assertThat(read.arrays().keySet())
                .containsExactlyElementsOf(written.arrays().keySet());
        assertThat(read.metadata()).containsExactlyEntriesOf(written.metadata());
        assertThat(read.array(ArrayNames.LENGTH).ints()).containsExactly(-3);
        assertThat(read.array(ArrayNames.LENGTH).rank()).isZero();
        assertThat(read.array("step").longs()).containsExactly(42L);
        assertThat(read.array(ArrayNames.MASK_INDEX).longs()).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(Float.floatToRawIntBits(read.array(ArrayNames.TARGET).floats()[1]))
                .isEqualTo(0x80000000);
        assertThat(read.array("empty.middle").shape()).containsExactly(4, 0, 2);
        assertThat(read.array("empty.middle").size()).isZero();
    }

    @Test
    void shouldRoundTripWithoutMetadataAndThroughTheKafkaSerde() {
        Example written = new Example.Builder().put("x", Tensor.scalar(1)).build();
        ExampleSerde serde = new ExampleSerde();

        byte[] bytes = serde.serializer().serialize("t", written);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(written);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
        assertThat(bytes[0]).isEqualTo(ExampleSerde.VERSION);
        long headerLength =
                ByteBuffer.wrap(bytes, 1, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLength % 8).isZero();
        assertThat(bytes).hasSize(9 + (int) headerLength + 4);
    }

    @Test
    void shouldReadTheReferenceLayoutWrittenByAnIndependentWriter() {
        Example read = ExampleSerde.read(PYTHON_FIXTURE);

        assertThat(read).isEqualTo(fixtureExample());
        assertThat(read.arrays().keySet()).containsExactlyElementsOf(FIXTURE_ORDER);
        assertThat(read.meta("note")).contains("caf\u00e9");
        assertThat(read.array("mask.index").longs()).containsExactly(0L, 5L, -(1L << 40));
        assertThat(read.array("target").floats()).containsExactly(1.5f, -2f, 0f, 3.25f);
        assertThat(read.array("length").ints()).containsExactly(7);
        assertThat(read.array("view.0").bytes()[11]).isEqualTo((byte) 220);
    }

    @Test
    void shouldWriteTheReferenceLayoutByteForByte() {
        assertThat(ExampleSerde.write(fixtureExample())).isEqualTo(PYTHON_FIXTURE);
    }

    @Test
    void shouldLayArraysOutByOffsetWhateverTheHeaderOrder() {
        Example read = ExampleSerde.read(PYTHON_FIXTURE_SHUFFLED);

        assertThat(read).isEqualTo(fixtureExample());
        assertThat(read.arrays().keySet()).containsExactlyElementsOf(FIXTURE_ORDER);
    }

    @Test
    void shouldRefuseToWriteWhatItWouldNotRead() {
        Example.Builder many = new Example.Builder();
        for (int i = 0; i <= ExampleLimits.MAX_ARRAYS; i++) {
            many.put("a" + i, Tensor.scalar(i));
        }
        Example.Builder meta = new Example.Builder().put("x", Tensor.scalar(0));
        for (int i = 0; i <= ExampleLimits.MAX_METADATA; i++) {
            meta.meta("k" + i, "v");
        }
        Example longValue = new Example.Builder()
                .put("x", Tensor.scalar(0))
                .meta("k", "v".repeat(ExampleLimits.MAX_METADATA_VALUE + 1))
                .build();
        Example highRank = new Example.Builder()
                .put("x", Tensor.u8(new int[] {1, 1, 1, 1, 1, 1, 1}, new byte[1]))
                .build();
        Example big = new Example.Builder()
                .put(
                        "x",
                        Tensor.u8(new int[] {ExampleLimits.MAX_RECORD_BYTES}, new byte[ExampleLimits.MAX_RECORD_BYTES]))
                .build();

        assertThatThrownBy(() -> ExampleSerde.write(many.build()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("129 arrays");
        assertThatThrownBy(() -> ExampleSerde.write(meta.build()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("33 metadata entries");
        assertThatThrownBy(() -> ExampleSerde.write(longValue))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("metadata 'k'");
        assertThatThrownBy(() -> ExampleSerde.write(highRank))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("rank 7");
        assertThatThrownBy(() -> ExampleSerde.write(big))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("over the limit of " + ExampleLimits.MAX_RECORD_BYTES);
    }

    @Test
    void shouldRejectExamplesTheWireCannotCarry() {
        Tensor one = Tensor.scalar(1);
        assertThatThrownBy(() -> new Example.Builder().put("__metadata__", one).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("__metadata__");
        assertThatThrownBy(() ->
                        new Example.Builder().put("x", one).meta("k", null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'k'");
        assertThatThrownBy(() -> new Example.Builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one array");
    }

    @Test
    void shouldRejectShapesWhoseByteSizeWrapsAround() {
        // 5 * 5581 * 8681 * 49477 * 384773 = 2^62 + 1 elements; times 4 bytes wraps a long around to 4.
        int[] shape = {5, 5581, 8681, 49477, 384773};
        assertThatThrownBy(() -> Tensor.wrap(DType.F32, shape, new byte[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too many elements");
        assertThatThrownBy(
                        () -> Tensor.elementCount(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too many elements");
        assertThat(Tensor.elementCount(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 0}))
                .isZero();
    }
}
