package dev.autodidact.learner.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.serde.EmbeddingSerde;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddingSinkTest {
    private static List<EmbeddingSink.Input> batch() {
        Tensor image = ImageArrays.of(new CleanImage(8, 8, new byte[8 * 8 * 3]));
        return List.of(
                new EmbeddingSink.Input(new ConsumerRecord<>("c", 0, 0, new byte[] {1}, new byte[0]), "a", image),
                new EmbeddingSink.Input(new ConsumerRecord<>("c", 0, 1, new byte[] {2}, new byte[0]), "b", image));
    }

    @Test
    void shouldFailTheBatchWhenAnEmbeddingIsNotAcknowledged() throws Exception {
        MockProducer<String, float[]> producer =
                new MockProducer<>(false, null, new StringSerializer(), new EmbeddingSerde().serializer()) {
                    @Override
                    public synchronized void flush() {
                        // the broker answers later, one send at a time
                    }
                };
        try (FeatureExtractor model = FeatureExtractor.randomInit(ConvEncoderSpec.of(8, new int[] {4}, 0), 1)) {
            EmbeddingSink sink = new EmbeddingSink(producer, "e");
            CompletableFuture<Void> publish = CompletableFuture.runAsync(() -> sink.publish(batch(), model));
            while (producer.history().size() < 2) {
                Thread.sleep(10);
            }
            producer.completeNext();
            producer.errorNext(new TimeoutException("broker gone"));
            assertThatThrownBy(publish::join).hasCauseInstanceOf(KafkaException.class);
        }
    }

    @Test
    void shouldReturnOnlyOnceEveryEmbeddingIsAcknowledged() {
        MockProducer<String, float[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new EmbeddingSerde().serializer());
        try (FeatureExtractor model = FeatureExtractor.randomInit(ConvEncoderSpec.of(8, new int[] {4}, 0), 1)) {
            new EmbeddingSink(producer, "e").publish(batch(), model);
        }
        assertThat(producer.history())
                .hasSize(2)
                .allSatisfy(
                        r -> assertThat(r.headers().lastHeader("model-version")).isNotNull());
    }
}
