package dev.autodidact.cli.internal;

import dev.autodidact.media.source.MediaFile;
import dev.autodidact.media.source.MediaFiles;
import dev.autodidact.schema.HeaderNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes media files to a raw topic (or, labeled, to the probe topic): key = file id, value = the file's bytes,
 * headers content type, source, event time and, when labeled, the class. For pretraining it feeds the folder again and again (each pass gets fresh augmentations downstream),
 * staying at most a bounded number of records ahead of what the learner has consumed.
 */
public final class RawFeeder implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final List<MediaFile> files;
    private final List<byte[]> contents;
    private final boolean labeled;
    private long produced;

    public RawFeeder(Map<String, Object> clientProperties, String topic, Path root) {
        this(clientProperties, topic, root, false);
    }

    /**
     * @param labeled add each file's class (its folder or archive name, {@link MediaFile#label()}) as header
     *     {@code label}, as the probe topic needs; every file must then have one
     */
    public RawFeeder(Map<String, Object> clientProperties, String topic, Path root, boolean labeled) {
        this.topic = topic;
        this.labeled = labeled;
        try {
            this.files = MediaFiles.list(root);
            this.contents = new ArrayList<>(files.size());
            for (MediaFile f : files) {
                contents.add(f.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read media under " + root, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No media files under " + root);
        }
        if (labeled) {
            files.stream().filter(f -> f.label() == null).findFirst().ifPresent(f -> {
                throw new IllegalArgumentException("Labeled input needs <root>/<class>/<file> or <root>/<class>.zip; "
                        + f.id() + " under " + root + " has no class");
            });
        }
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public int files() {
        return files.size();
    }

    public long produced() {
        return produced;
    }

    /** Publishes every file once and flushes. */
    public void feedOnce() {
        long now = System.currentTimeMillis();
        for (int i = 0; i < files.size(); i++) {
            send(files.get(i), contents.get(i), now);
        }
        producer.flush();
    }

    /** Publishes pass after pass until {@code stop}, never more than {@code maxAhead} records ahead of consumption. */
    public void feedContinuously(LongSupplier consumed, long maxAhead, BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            for (int i = 0; i < files.size() && !stop.getAsBoolean(); i++) {
                while (produced - consumed.getAsLong() >= maxAhead && !stop.getAsBoolean()) {
                    producer.flush();
                    sleep();
                }
                send(files.get(i), contents.get(i), System.currentTimeMillis());
            }
            producer.flush();
        }
    }

    private void send(MediaFile file, byte[] bytes, long eventTime) {
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
}
