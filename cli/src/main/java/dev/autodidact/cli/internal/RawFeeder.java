package dev.autodidact.cli.internal;

import dev.autodidact.media.source.EntryTooLargeException;
import dev.autodidact.media.source.IoConsumer;
import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import dev.autodidact.media.source.MediaKind;
import dev.autodidact.media.source.SkipListener;
import dev.autodidact.media.source.SkipReason;
import dev.autodidact.media.source.ZipLimits;
import dev.autodidact.schema.HeaderNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the media files of one {@link MediaKind} (images, or WAV recordings for {@code raw.audio}) to a raw topic
 * (or, labeled, to the probe topic): key = file id, value = the file's bytes, headers content type, source, event time
 * and, when labeled, the class. Files of other kinds in the folder are passed over. For pretraining it feeds the
 * folder again and again (each pass gets fresh augmentations downstream) in a {@link FeedOrder}, staying at most a
 * bounded number of records ahead of what the learner has consumed.
 *
 * <p>Memory stays bounded whatever the files weigh: one file is read at a time, only when its turn comes, and its
 * bytes go to the producer, whose buffer bounds what is in flight. In {@link FeedOrder#SORTED} order a pass walks the
 * folder ({@link MediaFiles#forEach}) and holds nothing else; the other orders list the folder at the start of each
 * pass ({@link MediaFiles#list}: a description per file, no bytes, some hundred bytes each) and arrange that list.
 * Nothing is kept between passes, so files added or changed meanwhile are picked up by the next pass; one removed
 * after its pass was listed is skipped with a WARN. Zip entries are read within {@link ZipLimits#DEFAULT}; an entry
 * over the cap (declared or inflated) is skipped with a WARN, counted in {@link #skipped()}, and the pass goes on.
 */
public final class RawFeeder implements AutoCloseable {
    /** Seed of {@link FeedOrder#SHUFFLED} when the command has none. */
    public static final long DEFAULT_SEED = 42L;

    private static final Logger LOG = LoggerFactory.getLogger(RawFeeder.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Path root;
    private final MediaKind kind;
    private final boolean labeled;
    private final ZipLimits limits;
    private final FeedOrder order;
    private final long seed;
    private final int files;
    private long passes;
    private long produced;
    private long skipped;

    public RawFeeder(Map<String, Object> clientProperties, String topic, Path root) {
        this(clientProperties, topic, root, false);
    }

    /**
     * An unlabeled feeder of images publishing in {@code order}.
     *
     * @param seed of {@link FeedOrder#SHUFFLED}, combined with the pass number
     * @throws IllegalArgumentException if there is no image under {@code root}
     */
    public RawFeeder(Map<String, Object> clientProperties, String topic, Path root, FeedOrder order, long seed) {
        this(clientProperties, topic, root, MediaKind.IMAGE, order, seed);
    }

    /**
     * An unlabeled feeder publishing the files of {@code kind} in {@code order}.
     *
     * @param kind which files to publish
     * @param seed of {@link FeedOrder#SHUFFLED}, combined with the pass number
     * @throws IllegalArgumentException if there is no file of {@code kind} under {@code root}
     */
    public RawFeeder(
            Map<String, Object> clientProperties, String topic, Path root, MediaKind kind, FeedOrder order, long seed) {
        this(null, clientProperties, topic, root, kind, false, ZipLimits.DEFAULT, order, seed);
    }

    /**
     * A feeder of images.
     *
     * @param labeled add each file's class (its folder or archive name, {@link MediaFile#label()}) as header
     *     {@code label}, as the probe topic needs; every file must then have one
     * @throws IllegalArgumentException if there is no image under {@code root}, or a labeled one lacks a class
     */
    public RawFeeder(Map<String, Object> clientProperties, String topic, Path root, boolean labeled) {
        this(clientProperties, topic, root, MediaKind.IMAGE, labeled);
    }

    /**
     * A feeder of the files of {@code kind}, in sorted order.
     *
     * @param kind which files to publish
     * @param labeled add each file's class (its folder or archive name, {@link MediaFile#label()}) as header
     *     {@code label}, as the probe topic needs; every file must then have one
     * @throws IllegalArgumentException if there is no file of {@code kind} under {@code root}, or a labeled one lacks
     *     a class
     */
    public RawFeeder(Map<String, Object> clientProperties, String topic, Path root, MediaKind kind, boolean labeled) {
        this(null, clientProperties, topic, root, kind, labeled, ZipLimits.DEFAULT, FeedOrder.SORTED, DEFAULT_SEED);
    }

    /** For tests: sends the images under {@code root} through {@code producer}, and closes it. */
    RawFeeder(Producer<String, byte[]> producer, String topic, Path root, boolean labeled, ZipLimits limits) {
        this(producer, topic, root, labeled, limits, FeedOrder.SORTED, DEFAULT_SEED);
    }

    /** For tests: sends the files of {@code kind} under {@code root} through {@code producer}, and closes it. */
    RawFeeder(Producer<String, byte[]> producer, String topic, Path root, MediaKind kind, boolean labeled) {
        this(producer, null, topic, root, kind, labeled, ZipLimits.DEFAULT, FeedOrder.SORTED, DEFAULT_SEED);
    }

    /** For tests: sends through {@code producer} in {@code order}, and closes it. */
    RawFeeder(
            Producer<String, byte[]> producer,
            String topic,
            Path root,
            boolean labeled,
            ZipLimits limits,
            FeedOrder order,
            long seed) {
        this(producer, null, topic, root, MediaKind.IMAGE, labeled, limits, order, seed);
    }

    private RawFeeder(
            Producer<String, byte[]> producer,
            Map<String, Object> clientProperties,
            String topic,
            Path root,
            MediaKind kind,
            boolean labeled,
            ZipLimits limits,
            FeedOrder order,
            long seed) {
        this.topic = topic;
        this.root = root;
        this.kind = kind;
        this.labeled = labeled;
        this.limits = limits;
        this.order = order;
        this.seed = seed;
        this.files = check(root, kind, labeled, limits);
        this.producer = producer != null ? producer : producer(clientProperties);
    }

    /** Walks once without reading bytes: counts the files and checks that each has a class where one is needed. */
    private static int check(Path root, MediaKind kind, boolean labeled, ZipLimits limits) {
        int[] count = {0};
        walk(
                root,
                kind,
                limits,
                file -> {
                    if (labeled && file.label() == null) {
                        throw new IllegalArgumentException(
                                "Labeled input needs <root>/<class>/<file> or <root>/<class>.zip; " + file.id()
                                        + " under " + root + " has no class");
                    }
                    count[0]++;
                },
                (path, reason, detail) -> {});
        if (count[0] == 0) {
            throw new IllegalArgumentException(
                    "No " + kind.id() + " files (" + String.join(", ", kind.extensions()) + ") under " + root);
        }
        return count[0];
    }

    private static Producer<String, byte[]> producer(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** @return the files of the feeder's kind found under the root when the feeder was created */
    public int files() {
        return files;
    }

    public FeedOrder order() {
        return order;
    }

    public long produced() {
        return produced;
    }

    /**
     * @return files left out so far (zip entries over the limits, links leading out of the root, archives with too
     *     many entries); each pass counts them again
     */
    public long skipped() {
        return skipped;
    }

    /** Publishes every file once and flushes. */
    public void feedOnce() {
        long now = System.currentTimeMillis();
        pass(file -> send(file, now), () -> false);
        producer.flush();
    }

    /** Publishes pass after pass until {@code stop}, never more than {@code maxAhead} records ahead of consumption. */
    public void feedContinuously(LongSupplier consumed, long maxAhead, BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            long before = produced;
            pass(
                    file -> {
                        while (produced - consumed.getAsLong() >= maxAhead && !stop.getAsBoolean()) {
                            producer.flush();
                            sleep();
                        }
                        if (!stop.getAsBoolean()) {
                            send(file, System.currentTimeMillis());
                        }
                    },
                    stop);
            producer.flush();
            if (produced == before && !stop.getAsBoolean()) {
                throw new IllegalStateException("A pass over " + root + " found nothing to publish");
            }
        }
    }

    /**
     * One pass over the root in {@link #order}, reading each file when {@code action} asks; ends early once
     * {@code stop} is true.
     */
    private void pass(IoConsumer<MediaFile> action, BooleanSupplier stop) {
        long pass = passes++;
        if (order != FeedOrder.SORTED) {
            listedPass(pass, action, stop);
            return;
        }
        try {
            walk(
                    root,
                    kind,
                    limits,
                    file -> {
                        if (stop.getAsBoolean()) {
                            throw new PassStopped();
                        }
                        action.accept(file);
                    },
                    (path, reason, detail) -> skip(path, reason, detail));
        } catch (PassStopped stopped) {
            // the rest of the pass is not needed
        }
    }

    /** Lists the root (descriptions, no bytes), arranges the list for pass {@code pass} and goes through it. */
    private void listedPass(long pass, IoConsumer<MediaFile> action, BooleanSupplier stop) {
        List<MediaFile> listing;
        try {
            listing = MediaFiles.list(root, kind, limits, (path, reason, detail) -> skip(path, reason, detail));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read media under " + root, e);
        }
        try (OpenArchives archives = new OpenArchives(root)) {
            for (MediaFile file : order.arrange(listing, seed, pass)) {
                if (stop.getAsBoolean()) {
                    return;
                }
                archives.hold(file);
                action.accept(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read media under " + root, e);
        }
    }

    private static void walk(
            Path root, MediaKind kind, ZipLimits limits, IoConsumer<MediaFile> action, SkipListener skips) {
        try {
            MediaFiles.forEach(root, kind, limits, skips, action);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read media under " + root, e);
        }
    }

    private void send(MediaFile file, long eventTime) throws IOException {
        byte[] bytes;
        try {
            bytes = file.readAllBytes();
        } catch (EntryTooLargeException e) {
            skip(file.id(), SkipReason.ENTRY_TOO_LARGE, e.getMessage());
            return;
        } catch (NoSuchFileException e) {
            skipped++;
            LOG.warn(
                    "Not publishing {} to {}: gone since the pass began ({}); {} skipped so far",
                    file.id(),
                    topic,
                    e.getMessage(),
                    skipped);
            return;
        }
        RecordHeaders headers = new RecordHeaders();
        HeaderNames.put(headers, HeaderNames.CONTENT_TYPE, file.contentType());
        HeaderNames.put(headers, HeaderNames.SOURCE, file.id());
        HeaderNames.put(headers, HeaderNames.EVENT_TIME, Long.toString(eventTime));
        if (labeled) {
            HeaderNames.put(headers, HeaderNames.LABEL, file.label());
        }
        producer.send(new ProducerRecord<>(topic, null, file.id(), bytes, headers));
        produced++;
    }

    private void skip(String path, SkipReason reason, String detail) {
        skipped++;
        LOG.warn("Not publishing {} to {} ({}): {}; {} skipped so far", path, topic, reason, detail, skipped);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while feeding", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Ends a walk early; carries no stack trace. */
    private static final class PassStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PassStopped() {
            super(null, null, false, false);
        }
    }
}
