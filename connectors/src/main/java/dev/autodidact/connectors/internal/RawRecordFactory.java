package dev.autodidact.connectors.internal;

import dev.autodidact.schema.HeaderNames;
import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the raw-topic record of one file, in the shape of the {@code ingest} command: key = file id (STRING), value =
 * the bytes (BYTES), string headers {@code content-type}, {@code source} (the id) and {@code event-time} (the file's
 * modification time, epoch ms). The Kafka timestamp is left to the producer: an old file's modification time as
 * record time would put it past the topic's retention at once.
 */
public final class RawRecordFactory {
    private final String directory;
    private final String topic;

    /**
     * @param directory the watched directory, absolute: part of every source partition
     * @param topic the destination topic
     */
    public RawRecordFactory(String directory, String topic) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * @param file the file and the stamp it was scanned with
     * @param bytes its content
     * @return the record, with the file's source partition and its stamp as offset
     */
    public SourceRecord create(ScannedFile file, byte[] bytes) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(HeaderNames.CONTENT_TYPE, file.file().contentType());
        headers.addString(HeaderNames.SOURCE, file.id());
        headers.addString(HeaderNames.EVENT_TIME, Long.toString(file.stamp().lastModified()));
        return new SourceRecord(
                FileOffsets.partition(directory, file.id()),
                FileOffsets.offset(file.stamp()),
                topic,
                null,
                Schema.STRING_SCHEMA,
                file.id(),
                Schema.BYTES_SCHEMA,
                bytes,
                null,
                headers);
    }

    /** @return the destination topic */
    public String topic() {
        return topic;
    }
}
