package dev.autodidact.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.media.source.ZipLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RawFeeder} against a {@link MockProducer}: what it reads, when, and what it sends. */
class RawFeederTest {
    private static final int FILES = 5;

    @TempDir
    Path root;

    @Test
    void shouldReadEachFileOnlyAfterThePreviousOneWasSent() throws IOException {
        for (int i = 0; i < FILES; i++) {
            Files.writeString(root.resolve(i + ".jpg"), "old-" + i);
        }
        // When file i is sent, file i+1 changes: a feeder that read ahead would send its old bytes.
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
                int next = Integer.parseInt(record.key().replace(".jpg", "")) + 1;
                try {
                    Files.writeString(root.resolve(next + ".jpg"), "new-" + next);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return super.send(record);
            }
        };

        try (RawFeeder feeder = new RawFeeder(producer, "raw", root, false, ZipLimits.DEFAULT)) {
            feeder.feedOnce();
        }

        assertThat(producer.history()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("old-0", "new-1", "new-2", "new-3", "new-4");
    }

    @Test
    void shouldFeedPassAfterPassUntilStopped() throws IOException {
        for (int i = 0; i < 3; i++) {
            Files.writeString(root.resolve(i + ".jpg"), "image-" + i);
        }
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        AtomicBoolean stop = new AtomicBoolean();

        try (RawFeeder feeder = new RawFeeder(producer, "raw", root, false, ZipLimits.DEFAULT)) {
            feeder.feedContinuously(() -> Long.MAX_VALUE / 2, 1000, () -> stop.get() || producer.history().size() >= 7);
            assertThat(feeder.produced()).isEqualTo(7);
            assertThat(feeder.files()).isEqualTo(3);
        }

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("0.jpg", "1.jpg", "2.jpg",
                "0.jpg", "1.jpg", "2.jpg", "0.jpg");
        assertThat(producer.history()).allSatisfy(r -> assertThat(r.topic()).isEqualTo("raw"));
        assertThat(List.copyOf(producer.history())).hasSize(7);
    }

    @Test
    void shouldSkipAZipEntryInflatingBeyondTheCapDespiteItsHeaderAndSendTheOthers() throws IOException {
        Path archive = root.resolve("cat.zip");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("a.jpg", "b.jpg", "c.jpg")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.equals("b.jpg") ? new byte[1 << 20] : name.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        declareSizesOfAtMost(archive, 10);
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());

        try (RawFeeder feeder = new RawFeeder(producer, "raw", root, true, new ZipLimits(64 * 1024, 100))) {
            feeder.feedOnce();
            assertThat(feeder.skipped()).isEqualTo(1);
            assertThat(feeder.produced()).isEqualTo(2);
        }

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("cat.zip!/a.jpg",
                "cat.zip!/c.jpg");
    }

    /** Patches the uncompressed size in every central directory header above {@code declared}: a lying header. */
    private static void declareSizesOfAtMost(Path archive, int declared) throws IOException {
        ByteBuffer zip = ByteBuffer.wrap(Files.readAllBytes(archive)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 28 <= zip.limit(); i++) {
            if (zip.getInt(i) == 0x02014b50 && zip.getInt(i + 24) > declared) {
                zip.putInt(i + 24, declared);
            }
        }
        Files.write(archive, zip.array());
    }
}
