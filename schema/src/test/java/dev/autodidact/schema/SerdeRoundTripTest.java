package dev.autodidact.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.schema.serde.CleanImageSerde;
import dev.autodidact.schema.serde.EmbeddingSerde;
import dev.autodidact.schema.serde.ImageViewsSerde;
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
    void shouldRoundTripCleanImage() {
        CleanImageSerde serde = new CleanImageSerde();
        CleanImage img = randomImage(7, 5, 1);
        byte[] bytes = serde.serializer().serialize("t", img);
        assertThat(bytes).hasSize(2 + 8 + 7 * 5 * 3);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(img);
    }

    @Test
    void shouldRoundTripMixedResolutionViews() {
        ImageViewsSerde serde = new ImageViewsSerde();
        ImageViews views = new ImageViews(List.of(randomImage(32, 32, 1), randomImage(32, 32, 2),
                randomImage(16, 16, 3)));
        ImageViews back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", views));
        assertThat(back.views()).containsExactlyElementsOf(views.views());
    }

    @Test
    void shouldRejectForeignBytes() {
        assertThatThrownBy(() -> new ImageViewsSerde().deserializer().deserialize("t", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class);
        byte[] lying = ByteBuffer.allocate(12).put((byte) 'I').put((byte) 1).putInt(100).putInt(100).array();
        assertThatThrownBy(() -> new CleanImageSerde().deserializer().deserialize("t", lying))
                .isInstanceOf(SerializationException.class);
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
