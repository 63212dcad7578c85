package dev.autodidact.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import dev.autodidact.media.source.MediaKind;
import dev.autodidact.media.source.ZipLimits;
import dev.autodidact.schema.HeaderNames;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
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

        assertThat(producer.history())
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("old-0", "new-1", "new-2", "new-3", "new-4");
    }

    @Test
    void shouldFeedPassAfterPassUntilStopped() throws IOException {
        for (int i = 0; i < 3; i++) {
            Files.writeString(root.resolve(i + ".jpg"), "image-" + i);
        }
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        AtomicBoolean stop = new AtomicBoolean();

        try (RawFeeder feeder = new RawFeeder(producer, "raw", root, false, ZipLimits.DEFAULT)) {
            feeder.feedContinuously(
                    () -> Long.MAX_VALUE / 2,
                    1000,
                    () -> stop.get() || producer.history().size() >= 7);
            assertThat(feeder.produced()).isEqualTo(7);
            assertThat(feeder.files()).isEqualTo(3);
        }

        assertThat(producer.history())
                .extracting(ProducerRecord::key)
                .containsExactly("0.jpg", "1.jpg", "2.jpg", "0.jpg", "1.jpg", "2.jpg", "0.jpg");
        assertThat(producer.history()).allSatisfy(r -> assertThat(r.topic()).isEqualTo("raw"));
        assertThat(List.copyOf(producer.history())).hasSize(7);
    }

    @Test
    void shouldSkipAZipEntryInflatingBeyondTheCapDespiteItsHeaderAndSendTheOthers() throws IOException {
        Path archive = root.resolve("cat.zip");
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("a.jpg", "b.jpg", "c.jpg")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.equals("b.jpg") ? new byte[1 << 20] : name.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        declareSizesOfAtMost(archive, 10);
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

        try (RawFeeder feeder = new RawFeeder(producer, "raw", root, true, new ZipLimits(64 * 1024, 100))) {
            feeder.feedOnce();
            assertThat(feeder.skipped()).isEqualTo(1);
            assertThat(feeder.produced()).isEqualTo(2);
        }

        assertThat(producer.history())
                .extracting(ProducerRecord::key)
                .containsExactly("cat.zip!/a.jpg", "cat.zip!/c.jpg");
    }

    @Test
    void shouldFeedTheListingOrderEveryPassWhenSorted() throws IOException {
        List<String> listing = threeClassesOfFour();

        List<String> fed = feed(FeedOrder.SORTED, 7, 24);

        assertThat(fed.subList(0, 12)).containsExactlyElementsOf(listing);
        assertThat(fed.subList(12, 24)).containsExactlyElementsOf(listing);
    }

    @Test
    void shouldFeedClassAfterClassWhenByClass() throws IOException {
        threeClassesOfFour();

        List<String> fed = feed(FeedOrder.BY_CLASS, 7, 24);

        assertThat(fed.subList(0, 12))
                .containsExactly(
                        "ant/0.jpg",
                        "ant/1.jpg",
                        "ant/2.jpg",
                        "ant/3.jpg",
                        "bee/0.jpg",
                        "bee/1.jpg",
                        "bee/2.jpg",
                        "bee/3.jpg",
                        "cat/0.jpg",
                        "cat/1.jpg",
                        "cat/2.jpg",
                        "cat/3.jpg");
        assertThat(fed.subList(12, 24)).isEqualTo(fed.subList(0, 12));
    }

    @Test
    void shouldGroupAClassSpreadOverAFolderAndAnArchiveWhenByClass() throws IOException {
        // Walk order: all.zip ("all" < "ant") first, holding an entry of two classes, then the folders.
        threeClassesOfFour();
        zip(root.resolve("all.zip"), "cat/9.jpg", "ant/9.jpg");

        List<String> fed = feed(FeedOrder.BY_CLASS, 7, 14);

        assertThat(fed.subList(0, 5))
                .containsExactly("all.zip!/ant/9.jpg", "ant/0.jpg", "ant/1.jpg", "ant/2.jpg", "ant/3.jpg");
        assertThat(fed.subList(9, 14))
                .containsExactly("all.zip!/cat/9.jpg", "cat/0.jpg", "cat/1.jpg", "cat/2.jpg", "cat/3.jpg");
    }

    @Test
    void shouldFeedAFreshReproduciblePermutationEveryPassWhenShuffled() throws IOException {
        List<String> listing = threeClassesOfFour();

        List<String> fed = feed(FeedOrder.SHUFFLED, 7, 24);
        List<String> pass0 = fed.subList(0, 12);
        List<String> pass1 = fed.subList(12, 24);

        assertThat(pass0).containsExactlyInAnyOrderElementsOf(listing).isNotEqualTo(listing);
        assertThat(pass1).containsExactlyInAnyOrderElementsOf(listing).isNotEqualTo(pass0);
        assertThat(feed(FeedOrder.SHUFFLED, 7, 24)).isEqualTo(fed);
        assertThat(feed(FeedOrder.SHUFFLED, 8, 12)).isNotEqualTo(pass0);
        List<MediaFile> files = MediaFiles.list(root);
        assertThat(FeedOrder.SHUFFLED.arrange(files, 7, 1))
                .extracting(MediaFile::id)
                .isEqualTo(pass1);
        assertThat(FeedOrder.SHUFFLED.arrange(files, 7, 1)).isEqualTo(FeedOrder.SHUFFLED.arrange(files, 7, 1));
        assertThat(files).extracting(MediaFile::id).containsExactlyElementsOf(listing);
    }

    @Test
    void shouldSendEachEntrysOwnBytesWhenShufflingArchives() throws IOException {
        for (String label : List.of("ant", "bee", "cat")) {
            zip(root.resolve(label + ".zip"), "0.jpg", "1.jpg", "2.jpg", "3.jpg");
        }
        MockProducer<String, byte[]> producer = mockProducer();

        try (RawFeeder feeder = new RawFeeder(producer, "raw", root, true, ZipLimits.DEFAULT, FeedOrder.SHUFFLED, 3)) {
            feeder.feedOnce();
            assertThat(feeder.order()).isEqualTo(FeedOrder.SHUFFLED);
        }

        assertThat(producer.history())
                .hasSize(12)
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .isEqualTo(r.key().substring(r.key().indexOf("!/") + 2)));
        assertThat(producer.history())
                .extracting(r -> new String(r.headers().lastHeader("label").value(), StandardCharsets.UTF_8))
                .containsOnly("ant", "bee", "cat");
    }

    @Test
    void shouldSkipAFileRemovedAfterItsPassWasListed() throws IOException {
        threeClassesOfFour();
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
                        try {
                            Files.deleteIfExists(root.resolve("cat/3.jpg"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return super.send(record);
                    }
                };

        try (RawFeeder feeder = new RawFeeder(producer, "raw", root, false, ZipLimits.DEFAULT, FeedOrder.BY_CLASS, 7)) {
            feeder.feedOnce();
            assertThat(feeder.produced()).isEqualTo(11);
            assertThat(feeder.skipped()).isEqualTo(1);
        }
    }

    @Test
    void shouldHoldAtMostABoundedNumberOfArchivesOpen() throws IOException {
        for (int i = 0; i < OpenArchives.MAX_OPEN + 3; i++) {
            zip(root.resolve("c" + i + ".zip"), "0.jpg");
        }
        List<MediaFile> entries = MediaFiles.list(root);

        try (OpenArchives archives = new OpenArchives(root)) {
            entries.forEach(archives::hold);
            entries.forEach(archives::hold);
            assertThat(archives.size()).isEqualTo(OpenArchives.MAX_OPEN);
        }
    }

    /** {@code ant}, {@code bee} and {@code cat}, four files each; returns the ids in listing order. */
    private List<String> threeClassesOfFour() throws IOException {
        for (String label : List.of("cat", "ant", "bee")) {
            Files.createDirectories(root.resolve(label));
            for (int i = 0; i < 4; i++) {
                Files.writeString(root.resolve(label + "/" + i + ".jpg"), label + "-" + i);
            }
        }
        return MediaFiles.list(root).stream().map(MediaFile::id).toList();
    }

    /** The keys of the first {@code records} records fed from the root in {@code order}. */
    private List<String> feed(FeedOrder order, long seed, int records) {
        MockProducer<String, byte[]> producer = mockProducer();
        try (RawFeeder feeder = new RawFeeder(producer, "raw", root, false, ZipLimits.DEFAULT, order, seed)) {
            feeder.feedContinuously(
                    () -> Long.MAX_VALUE / 2, 1000, () -> producer.history().size() >= records);
        }
        return producer.history().stream().map(ProducerRecord::key).toList();
    }

    @Test
    void shouldPublishOnlyTheWavFilesAndEntriesForAudioWithTheirClassAndContentType() throws IOException {
        Files.createDirectories(root.resolve("three"));
        Files.writeString(root.resolve("three/1.wav"), "wav-1");
        Files.writeString(root.resolve("three/cover.jpg"), "image");
        Files.writeString(root.resolve("loose.WAV"), "wav-2");
        zip(root.resolve("seven.zip"), "seven/2.wav", "seven/3.png", "seven/notes.txt");
        MockProducer<String, byte[]> producer = mockProducer();

        try (RawFeeder feeder = new RawFeeder(producer, "raw.audio", root, MediaKind.AUDIO, false)) {
            assertThat(feeder.files()).isEqualTo(3);
            feeder.feedOnce();
        }

        assertThat(producer.history())
                .extracting(ProducerRecord::key)
                .containsExactly("loose.WAV", "seven.zip!/seven/2.wav", "three/1.wav");
        assertThat(producer.history())
                .allSatisfy(r -> assertThat(HeaderNames.get(r.headers(), HeaderNames.CONTENT_TYPE))
                        .contains(MediaKind.WAV_CONTENT_TYPE));
    }

    @Test
    void shouldRefuseAFolderWithoutAFileOfItsKindNamingTheExtensions() throws IOException {
        Files.writeString(root.resolve("a.jpg"), "image");

        assertThatThrownBy(() -> new RawFeeder(mockProducer(), "raw.audio", root, MediaKind.AUDIO, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No audio files (wav, wave)");
    }

    private static MockProducer<String, byte[]> mockProducer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    /** An archive whose entries hold their own names. */
    private static void zip(Path archive, String... names) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
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
