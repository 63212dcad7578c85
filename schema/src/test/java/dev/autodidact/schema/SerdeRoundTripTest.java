package dev.autodidact.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.serde.EmbeddingSerde;
import dev.autodidact.schema.serde.ExampleSerde;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SerdeRoundTripTest {
    private static CleanImage randomImage(int w, int h, long seed) {
        byte[] px = new byte[w * h * 3];
        new Random(seed).nextBytes(px);
        return new CleanImage(w, h, px);
    }

    @Test
    void shouldRoundTripCleanImageAsExample() {
        CleanImage img = randomImage(7, 5, 1);
        Example back = ExampleSerde.read(ExampleSerde.write(ImageArrays.clean(img)));
        assertThat(back.modality()).isEqualTo(Modality.IMAGE);
        assertThat(back.array(ArrayNames.INPUT).shape()).containsExactly(5, 7, 3);
        assertThat(ImageArrays.image(back.array(ArrayNames.INPUT))).isEqualTo(img);
    }

    @Test
    void shouldRoundTripMixedResolutionViews() {
        List<CleanImage> views = List.of(randomImage(32, 32, 1), randomImage(32, 32, 2), randomImage(16, 16, 3));
        Example back = new ExampleSerde()
                .deserializer()
                .deserialize(
                        "t", new ExampleSerde().serializer().serialize("t", ImageArrays.views(views, "multi-crop")));
        assertThat(back.viewCount()).isEqualTo(3);
        assertThat(back.views().stream().map(ImageArrays::image).toList()).containsExactlyElementsOf(views);
        assertThat(back.meta("recipe")).contains("multi-crop");
    }

    @Test
    void shouldRejectForeignBytes() {
        assertThatThrownBy(() -> new ExampleSerde().deserializer().deserialize("t", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class);
        byte[] oldViewsFormat = ByteBuffer.allocate(16)
                .put((byte) 'V')
                .put((byte) 1)
                .putShort((short) 1)
                .array();
        assertThatThrownBy(() -> ExampleSerde.read(oldViewsFormat))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("version");
    }

    @Test
    void shouldWriteEmbeddingsAsLittleEndianFloat32() {
        float[] v = {1.5f, -2f, 0.25f};
        byte[] bytes = new EmbeddingSerde().serializer().serialize("t", v);
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(le.getFloat(0)).isEqualTo(1.5f);
        assertThat(le.getFloat(4)).isEqualTo(-2f);
        assertThat(new EmbeddingSerde().deserializer().deserialize("t", bytes)).containsExactly(v);
    }

    @Test
    void shouldNameTopicsUnderPrefix() {
        Topics topics = new Topics("x.", 3);
        assertThat(topics.raw(Modality.IMAGE)).isEqualTo("x.raw.image");
        assertThat(topics.examples(Modality.IMAGE, "simclr")).isEqualTo("x.examples.image.simclr");
        assertThat(topics.pipeline(Modality.IMAGE, "simclr"))
                .filteredOn(s -> s.name().equals("x.clean.image"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.partitions()).isEqualTo(3);
                    assertThat(s.configs()).containsEntry("cleanup.policy", "compact");
                });
    }
}
