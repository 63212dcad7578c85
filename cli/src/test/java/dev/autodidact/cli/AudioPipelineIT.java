package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.learner.Learner;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import dev.autodidact.learner.embed.Embedder;
import dev.autodidact.learner.embed.EmbedderConfig;
import dev.autodidact.learner.modality.audio.AudioKit;
import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import dev.autodidact.media.source.MediaKind;
import dev.autodidact.media.source.SkipListener;
import dev.autodidact.media.source.ZipLimits;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.checkpoint.CheckpointManifest;
import dev.autodidact.streams.StreamApp;
import dev.autodidact.streams.StreamAppConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * WAV files in on raw.audio, audio embeddings out on embeddings.audio, on a real broker with the real stream-app
 * (audio topology), learner (SimCLR on the log-mel CNN) and embedder; a WAV whose header lies goes to the dead-letter
 * topic with its reason and the good recordings after it still flow.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AudioPipelineIT {
    private static final int BATCH = 8;
    private static EmbeddedKafkaBroker broker;

    private static Map<String, Object> common(String prefix) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("topic.prefix", prefix);
        return props;
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        Map<String, Object> props = new HashMap<>(common("x"));
        props.remove("topic.prefix");
        props.put("group.id", "it-reader-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(out) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** A RIFF/WAVE header whose data chunk claims 2 GB that are not there. */
    private static byte[] lyingWav() {
        ByteBuffer b = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(44);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1)
                .putShort((short) 1)
                .putInt(8000)
                .putInt(16000)
                .putShort((short) 2)
                .putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(Integer.MAX_VALUE);
        b.putLong(0);
        return b.array();
    }

    @Test
    void shouldTurnWavFilesIntoAudioEmbeddingsAndDeadLetterABrokenOne(@TempDir Path dir) throws Exception {
        String prefix = "audio-e2e-" + UUID.randomUUID() + ".";
        Topics topics = new Topics(prefix);
        List<MediaFile> files = MediaFiles.list(
                Path.of("..", "data", "sample", "fsdd", "train"), MediaKind.AUDIO, ZipLimits.DEFAULT, SkipListener.LOG);
        assertThat(files).hasSize(40);

        Map<String, Object> streamProps = common(prefix);
        streamProps.put(StreamAppConfig.APPLICATION_ID_CONFIG, "audio-e2e-" + UUID.randomUUID());
        streamProps.put(StreamAppConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        streamProps.put(StreamAppConfig.MODALITY_CONFIG, "audio");
        streamProps.put(StreamAppConfig.METHODS_CONFIG, "simclr");
        try (StreamApp app = StreamApp.start(new StreamAppConfig(streamProps), new SimpleMeterRegistry());
                var producer = new KafkaProducer<>(common(prefix), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < files.size(); i++) {
                if (i == 20) {
                    producer.send(new ProducerRecord<>(topics.raw(Modality.AUDIO), "lying-header.wav", lyingWav()));
                }
                producer.send(new ProducerRecord<>(
                        topics.raw(Modality.AUDIO),
                        files.get(i).id(),
                        files.get(i).readAllBytes()));
            }
            producer.flush();

            var dead = readUntil(topics.deadLetter(), out -> !out.isEmpty(), Duration.ofSeconds(60));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).key()).isEqualTo("lying-header.wav");
            assertThat(HeaderNames.get(dead.get(0).headers(), HeaderNames.DLQ_REASON))
                    .hasValue("corrupt");
            assertThat(HeaderNames.get(dead.get(0).headers(), HeaderNames.DLQ_TOPIC))
                    .hasValue(topics.raw(Modality.AUDIO));

            Map<String, Object> learnerProps = common(prefix);
            learnerProps.put(LearnerConfig.MODALITY_CONFIG, "audio");
            learnerProps.put(LearnerConfig.BATCH_SIZE_CONFIG, BATCH);
            learnerProps.put(AudioKit.CONV_WIDTHS_CONFIG, "8,16");
            learnerProps.put(LearnerConfig.CHECKPOINT_INTERVAL_STEPS_CONFIG, 2L);
            learnerProps.put(
                    LearnerConfig.CHECKPOINT_DIR_CONFIG, dir.resolve("cp").toString());
            learnerProps.put(LearnerConfig.MAX_STEPS_CONFIG, 4L);
            CompletableFuture.runAsync(
                            () -> new Learner(new LearnerConfig(learnerProps), new SimpleMeterRegistry()).run())
                    .get(180, TimeUnit.SECONDS);
            CheckpointManifest trained =
                    CheckpointDirectory.read(dir.resolve("cp")).orElseThrow().manifest();
            assertThat(trained.step()).isEqualTo(4);
            assertThat(trained.modality()).isEqualTo("audio");

            Map<String, Object> embedderProps = common(prefix);
            embedderProps.put(EmbedderConfig.MODALITY_CONFIG, "audio");
            Embedder embedder = new Embedder(new EmbedderConfig(embedderProps), new SimpleMeterRegistry());
            CompletableFuture<Void> embedding = CompletableFuture.runAsync(embedder::run);
            try {
                Predicate<ConsumerRecord<String, byte[]>> newest =
                        r -> HeaderNames.getLong(r.headers(), HeaderNames.MODEL_VERSION)
                                        .orElse(-1L)
                                == trained.version();
                var vectors = readUntil(
                                topics.embeddings(Modality.AUDIO),
                                out -> out.stream().filter(newest).count() >= files.size(),
                                Duration.ofSeconds(120))
                        .stream()
                        .filter(newest)
                        .toList();
                assertThat(vectors)
                        .as("every good recording embedded by the newest version, the one after the broken one too")
                        .extracting(ConsumerRecord::key)
                        .contains(
                                files.get(0).id(),
                                files.get(20).id(),
                                files.get(files.size() - 1).id())
                        .doesNotContain("lying-header.wav");
                ConsumerRecord<String, byte[]> v = vectors.get(vectors.size() - 1);
                assertThat(HeaderNames.getLong(v.headers(), HeaderNames.DIMENSION))
                        .hasValue(16L);
                assertThat(v.value()).hasSize(16 * Float.BYTES);
                float first = ByteBuffer.wrap(v.value())
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getFloat(0);
                assertThat(Float.isFinite(first)).isTrue();
            } finally {
                embedder.stop();
                embedding.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
