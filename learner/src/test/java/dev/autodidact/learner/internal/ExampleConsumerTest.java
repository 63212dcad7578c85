package dev.autodidact.learner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.learner.TestExamples;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.learner.train.ExampleValidator;
import dev.autodidact.learner.train.ShuffleBuffer;
import dev.autodidact.schema.CleanImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ExampleConsumerTest {
    private static final String TOPIC = "x.examples.image.simclr";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);

    private record Rejected(long offset, String reason) {}

    private final List<Rejected> rejected = new ArrayList<>();
    private final MockConsumer<byte[], byte[]> mock = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final Map<TopicPartition, Long> trained = new HashMap<>();

    private ExampleConsumer consumer() {
        return consumer(new ShuffleBuffer(Long.MAX_VALUE, 0, 1));
    }

    /** A consumer of two-view 8x8 examples over {@code buffer}, subscribed, recording what it rejects. */
    private ExampleConsumer consumer(ShuffleBuffer buffer) {
        ExampleConsumer c = new ExampleConsumer(
                mock,
                TOPIC,
                buffer,
                new ExampleValidator(
                        List.of("view.0", "view.1"),
                        List.of("view.0", "view.1"),
                        ConvEncoderSpec.of(8, new int[] {4}, 0)),
                (r, source, reason, e) -> rejected.add(new Rejected(r.offset(), reason)));
        c.subscribe(() -> trained);
        return c;
    }

    private static byte[] example(int size) {
        CleanImage view = new CleanImage(size, size, new byte[size * size * 3]);
        return TestExamples.views(view, view);
    }

    private void add(long offset, byte[] value) {
        mock.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, new byte[] {1}, value));
    }

    private void assign(long beginning) {
        mock.updateBeginningOffsets(Map.of(TP, beginning));
        mock.rebalance(List.of(TP));
    }

    @Test
    void shouldDeadLetterGarbageAndUnusableExamplesAndKeepBatching() {
        ExampleConsumer c = consumer();
        assign(0);
        add(0, example(8));
        add(1, "garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        add(2, example(16));
        add(3, example(8));
        Optional<ExampleBatch> batch = c.nextBatch(2, Duration.ofMillis(200));
        assertThat(batch).isPresent();
        assertThat(batch.get().offsetsAfter()).containsEntry(TP, 4L);
        assertThat(rejected)
                .containsExactly(
                        new Rejected(1, DeadLetterPublisher.CORRUPT), new Rejected(2, DeadLetterPublisher.UNUSABLE));
    }

    @Test
    void shouldNotRewindToTheStartupOffsetsOnALaterRebalance() {
        trained.put(TP, 2L);
        ExampleConsumer c = consumer();
        assign(0);
        for (long o = 0; o < 8; o++) {
            add(o, example(8));
        }
        ExampleBatch first = c.nextBatch(2, Duration.ofMillis(200)).orElseThrow();
        assertThat(first.offsetsAfter()).as("resumed at the restored offset").containsEntry(TP, 4L);
        trained.put(TP, 4L);
        mock.rebalance(List.of());
        mock.rebalance(List.of(TP));
        assertThat(mock.position(TP))
                .as("a later assignment continues where training stands")
                .isEqualTo(4L);
    }

    @Test
    void shouldPauseFetchingWhileTheShuffleBufferIsFullUnderAFlood() {
        ExampleConsumer c = consumer(new ShuffleBuffer(Long.MAX_VALUE, 32, 1));
        mock.setMaxPollRecords(16);
        assign(0);
        for (long o = 0; o < 40; o++) {
            add(o, example(8));
        }
        ExampleBatch batch = c.nextBatch(8, Duration.ofMillis(200)).orElseThrow();
        assertThat(batch.size()).isEqualTo(8);
        assertThat(c.buffered())
                .as("one poll (max.poll.records) over the capacity at most")
                .isLessThanOrEqualTo(32 + 16);
        for (long o = 40; o < 2000; o++) {
            add(o, example(8));
        }
        boolean paused = false;
        for (int i = 0; i < 20; i++) {
            c.nextBatch(8, Duration.ofMillis(20));
            assertThat(c.buffered()).isLessThanOrEqualTo(32 + 16);
            paused |= mock.paused().contains(TP);
        }
        assertThat(paused).as("fetching paused while the buffer was full").isTrue();
    }
}
