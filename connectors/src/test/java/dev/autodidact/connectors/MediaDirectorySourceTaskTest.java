package dev.autodidact.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.schema.HeaderNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDirectorySourceTaskTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private MediaFolder folder;
    private FakeTaskContext context;

    @BeforeEach
    void setUp() {
        folder = new MediaFolder(dir);
        context = new FakeTaskContext();
    }

    @Test
    void shouldPublishEachFileWithIdKeyBytesAndHeaders() throws Exception {
        byte[] a = MediaFolder.bytes(50, 1);
        byte[] b = MediaFolder.bytes(70, 2);
        folder.write("a.png", a, T0);
        folder.write("cat/b.JPG", b, T0 + 1000);

        List<SourceRecord> records = drain(start(Map.of()));

        assertThat(records).extracting(SourceRecord::key).containsExactly("a.png", "cat/b.JPG");
        SourceRecord first = records.get(0);
        assertThat(first.topic()).isEqualTo("test.raw.image");
        assertThat(first.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(first.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat((byte[]) first.value()).isEqualTo(a);
        assertThat((byte[]) records.get(1).value()).isEqualTo(b);
        assertThat(first.timestamp()).isNull();
        assertThat(header(first, HeaderNames.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(header(records.get(1), HeaderNames.CONTENT_TYPE)).isEqualTo("image/jpeg");
        assertThat(header(records.get(1), HeaderNames.SOURCE)).isEqualTo("cat/b.JPG");
        assertThat(header(records.get(1), HeaderNames.EVENT_TIME)).isEqualTo(Long.toString(T0 + 1000));
        assertThat(first.sourcePartition())
                .isEqualTo(Map.of("directory", dir.toAbsolutePath().toString(), "file", "a.png"));
        assertThat(first.sourceOffset()).isEqualTo(Map.of("last.modified", T0, "size", 50L));
    }

    @Test
    void shouldNotResendAfterRestartGivenCommittedOffsets() throws Exception {
        folder.write("a.png", MediaFolder.bytes(10, 1), T0);
        folder.write("b.png", MediaFolder.bytes(10, 2), T0);
        MediaDirectorySourceTask first = start(Map.of());
        context.commit(drain(first));
        first.stop();

        assertThat(drain(start(Map.of()))).isEmpty();
    }

    @Test
    void shouldResendOnlyTheModifiedFileAfterRestart() throws Exception {
        folder.write("a.png", MediaFolder.bytes(10, 1), T0);
        folder.write("b.png", MediaFolder.bytes(10, 2), T0);
        MediaDirectorySourceTask first = start(Map.of());
        context.commit(drain(first));
        first.stop();
        byte[] changed = MediaFolder.bytes(10, 3);
        folder.write("b.png", changed, T0 + 5000);

        List<SourceRecord> resent = drain(start(Map.of()));

        assertThat(resent).extracting(SourceRecord::key).containsExactly("b.png");
        assertThat((byte[]) resent.get(0).value()).isEqualTo(changed);
        assertThat(header(resent.get(0), HeaderNames.EVENT_TIME)).isEqualTo(Long.toString(T0 + 5000));
    }

    @Test
    void shouldResendEverythingWhoseOffsetWasNeverCommitted() throws Exception {
        folder.write("a.png", MediaFolder.bytes(10, 1), T0);
        MediaDirectorySourceTask first = start(Map.of());
        assertThat(drain(first)).hasSize(1);
        first.stop();

        assertThat(drain(start(Map.of()))).extracting(SourceRecord::key).containsExactly("a.png");
    }

    @Test
    void shouldPickUpNewAndModifiedFilesWhileRunning() throws Exception {
        folder.write("a.png", MediaFolder.bytes(10, 1), T0);
        MediaDirectorySourceTask task = start(Map.of());
        assertThat(drain(task)).hasSize(1);
        assertThat(drain(task)).isEmpty();

        folder.write("a.png", MediaFolder.bytes(12, 1), T0);
        folder.write("new.gif", MediaFolder.bytes(10, 4), T0);

        assertThat(drain(task)).extracting(SourceRecord::key).containsExactly("a.png", "new.gif");
    }

    @Test
    void shouldSkipOversizedFileWithCountedWarningOnce() throws Exception {
        folder.write("big.png", MediaFolder.bytes(101, 1), T0);
        folder.write("fits.png", MediaFolder.bytes(100, 2), T0);
        MediaDirectorySourceTask task = start(Map.of("max.file.bytes", "100"));

        assertThat(drain(task)).extracting(SourceRecord::key).containsExactly("fits.png");
        assertThat(drain(task)).isEmpty();
        assertThat(task.oversizedFilesSkipped()).isEqualTo(1);
        assertThat(context.metric("oversized-files-skipped-total")).isEqualTo(1L);

        folder.write("big.png", MediaFolder.bytes(90, 1), T0 + 1);
        assertThat(drain(task)).extracting(SourceRecord::key).containsExactly("big.png");
    }

    @Test
    void shouldSkipLinksLeadingOutOfTheDirectoryWithACountedWarningOnce(@TempDir Path outside) throws Exception {
        folder.write("a.png", MediaFolder.bytes(10, 1), T0);
        Files.write(outside.resolve("secret.png"), MediaFolder.bytes(10, 9));
        Files.createDirectories(outside.resolve("photos"));
        Files.write(outside.resolve("photos/x.png"), MediaFolder.bytes(10, 8));
        Files.createSymbolicLink(dir.resolve("escape.png"), outside.resolve("secret.png"));
        Files.createSymbolicLink(dir.resolve("escape-dir"), outside.resolve("photos"));
        Files.createSymbolicLink(dir.resolve("inside.png"), dir.resolve("a.png"));
        MediaDirectorySourceTask task = start(Map.of());

        assertThat(drain(task)).extracting(SourceRecord::key).containsExactly("a.png", "inside.png");
        assertThat(drain(task)).isEmpty();
        assertThat(context.metric("links-outside-directory-skipped-total")).isEqualTo(2L);

        Files.delete(dir.resolve("escape.png"));
        Files.createSymbolicLink(
                dir.resolve("escape.png"), Path.of("..", outside.getFileName().toString(), "secret.png"));
        assertThat(drain(task)).isEmpty();
        assertThat(context.metric("links-outside-directory-skipped-total")).isEqualTo(2L);
    }

    @Test
    void shouldCountAFileThatCannotBeReadWhenItsTurnComes() throws Exception {
        folder.write("a.png", MediaFolder.bytes(10, 1), T0);
        folder.write("b.png", MediaFolder.bytes(10, 2), T0);
        MediaDirectorySourceTask task = start(Map.of("batch.size", "1"));
        assertThat(task.poll()).extracting(SourceRecord::key).containsExactly("a.png");

        Files.delete(dir.resolve("b.png"));
        Files.createDirectory(dir.resolve("b.png"));

        assertThat(task.poll()).isNull();
        assertThat(context.metric("unreadable-files-total")).isEqualTo(1L);
    }

    @Test
    void shouldFailPollRetriablyWhileAnArchiveCannotBeRead() throws Exception {
        folder.write("a.png", MediaFolder.bytes(10, 1), T0);
        folder.write("broken.zip", MediaFolder.bytes(100, 0), T0);
        MediaDirectorySourceTask task = start(Map.of());

        assertThatThrownBy(task::poll).isInstanceOf(RetriableException.class).hasMessageContaining("Cannot scan");

        Files.delete(dir.resolve("broken.zip"));
        assertThat(drain(task)).extracting(SourceRecord::key).containsExactly("a.png");
    }

    @Test
    void shouldPublishZipEntriesUnlessArchivesAreExcluded() throws Exception {
        folder.zip(
                "cats.zip",
                T0,
                "c1.png",
                MediaFolder.bytes(10, 1),
                "notes.txt",
                MediaFolder.bytes(3, 0),
                "c2.jpg",
                MediaFolder.bytes(20, 2));
        folder.write("d.png", MediaFolder.bytes(10, 3), T0);

        List<SourceRecord> all = drain(start(Map.of()));
        assertThat(all).extracting(SourceRecord::key).containsExactly("cats.zip!/c1.png", "cats.zip!/c2.jpg", "d.png");
        assertThat((byte[]) all.get(1).value()).isEqualTo(MediaFolder.bytes(20, 2));
        assertThat(header(all.get(1), HeaderNames.EVENT_TIME)).isEqualTo(Long.toString(T0));

        context = new FakeTaskContext();
        assertThat(drain(start(Map.of("include.archives", "false"))))
                .extracting(SourceRecord::key)
                .containsExactly("d.png");
    }

    @Test
    void shouldCapRecordsAndBytesPerPoll() throws Exception {
        for (int i = 0; i < 5; i++) {
            folder.write("f" + i + ".png", MediaFolder.bytes(100, i), T0);
        }
        MediaDirectorySourceTask byCount = start(Map.of("batch.size", "2"));
        assertThat(byCount.poll()).hasSize(2);
        assertThat(byCount.poll()).hasSize(2);
        assertThat(byCount.poll()).hasSize(1);

        context = new FakeTaskContext();
        MediaDirectorySourceTask byBytes = start(Map.of("batch.max.bytes", "150"));
        assertThat(byBytes.poll()).hasSize(2);
    }

    @Test
    void shouldReturnFromPollPromptlyWhenStopped() throws Exception {
        MediaDirectorySourceTask task = start(Map.of("poll.interval.ms", "60000"));
        assertThat(task.poll()).isNull();
        Thread stopper = new Thread(() -> {
            sleepQuietly(100);
            task.stop();
        });
        long began = System.nanoTime();
        stopper.start();

        assertThat(task.poll()).isNull();
        assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(10_000);
        stopper.join();
    }

    @Test
    void shouldPublishOnlyTheWavFilesAndEntriesToRawAudioForTheAudioModality() throws Exception {
        byte[] wav = MediaFolder.bytes(40, 5);
        folder.write("3/one.wav", wav, T0);
        folder.write("3/cover.png", MediaFolder.bytes(30, 6), T0);
        folder.zip("digits.zip", T0, "7/two.WAV", MediaFolder.bytes(20, 7), "7/x.jpg", MediaFolder.bytes(20, 8));

        List<SourceRecord> records = drain(start(Map.of("modality", "audio")));

        assertThat(records).extracting(SourceRecord::key).containsExactly("3/one.wav", "digits.zip!/7/two.WAV");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("test.raw.audio");
            assertThat(header(r, HeaderNames.CONTENT_TYPE)).isEqualTo("audio/wav");
        });
        assertThat((byte[]) records.get(0).value()).isEqualTo(wav);
    }

    @Test
    void shouldRefuseToStartOnMissingDirectory() {
        MediaDirectorySourceTask task = new MediaDirectorySourceTask();
        task.initialize(context);
        Map<String, String> props = Map.of("directory", dir.resolve("missing").toString());
        assertThatThrownBy(() -> task.start(props))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Not a directory");
    }

    static List<SourceRecord> drain(MediaDirectorySourceTask task) throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
            all.addAll(batch);
        }
        return all;
    }

    static String header(SourceRecord record, String name) {
        Header h = record.headers().lastWithName(name);
        assertThat(h).as("header %s", name).isNotNull();
        assertThat(h.schema()).isEqualTo(Schema.STRING_SCHEMA);
        return (String) h.value();
    }

    private MediaDirectorySourceTask start(Map<String, String> overrides) throws IOException {
        Map<String, String> props =
                new HashMap<>(Map.of("directory", dir.toString(), "topic.prefix", "test.", "poll.interval.ms", "10"));
        props.putAll(overrides);
        MediaDirectorySourceTask task = new MediaDirectorySourceTask();
        task.initialize(context);
        task.start(props);
        return task;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
