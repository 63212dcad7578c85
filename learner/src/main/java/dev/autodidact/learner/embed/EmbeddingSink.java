package dev.autodidact.learner.embed;

import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.example.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Embeds a batch of decoded clean records with one model and publishes the vectors, then waits until the broker has
 * acknowledged every one of them: {@link #publish} returns normally only when the whole batch is durable, so the
 * caller commits offsets past it only then (at-least-once).
 */
final class EmbeddingSink {
    private final Producer<String, float[]> producer;
    private final String topic;

    EmbeddingSink(Producer<String, float[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** One decoded input: the record it came from and its canonical input. */
    record Input(ConsumerRecord<byte[], byte[]> record, String key, Tensor input) {}

    /**
     * @throws KafkaException if any send failed: nothing of the batch may be committed
     */
    void publish(List<Input> batch, FeatureExtractor model) {
        if (batch.isEmpty()) {
            return;
        }
        float[][] vectors = model.embed(batch.stream().map(Input::input).toList());
        List<Future<?>> sent = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<byte[], byte[]> in = batch.get(i).record();
            RecordHeaders headers = new RecordHeaders();
            HeaderNames.get(in.headers(), HeaderNames.SOURCE)
                    .ifPresent(s -> HeaderNames.put(headers, HeaderNames.SOURCE, s));
            HeaderNames.get(in.headers(), HeaderNames.EVENT_TIME)
                    .ifPresent(s -> HeaderNames.put(headers, HeaderNames.EVENT_TIME, s));
            HeaderNames.put(headers, HeaderNames.MODEL_VERSION, Long.toString(model.version()));
            HeaderNames.put(headers, HeaderNames.DIMENSION, Integer.toString(vectors[i].length));
            HeaderNames.put(headers, HeaderNames.METHOD, model.method());
            sent.add(
                    producer.send(new ProducerRecord<>(topic, null, batch.get(i).key(), vectors[i], headers)));
        }
        producer.flush();
        for (Future<?> f : sent) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new KafkaException("An embedding was not acknowledged: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while waiting for acknowledgements", e);
            }
        }
    }
}
