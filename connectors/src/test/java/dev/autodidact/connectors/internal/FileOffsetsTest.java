package dev.autodidact.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FileOffsetsTest {

    @Test
    void shouldRoundTripStampThroughOffset() {
        FileStamp stamp = new FileStamp(1_700_000_000_123L, 4096);
        assertThat(FileOffsets.stamp(FileOffsets.offset(stamp))).contains(stamp);
    }

    @Test
    void shouldReadOffsetsWhoseNumbersCameBackAsIntegers() {
        // a JSON offset store may hand small numbers back as Integer
        assertThat(FileOffsets.stamp(Map.of("last.modified", 5, "size", 7))).contains(new FileStamp(5, 7));
    }

    @Test
    void shouldIgnoreMissingOrMalformedOffsets() {
        assertThat(FileOffsets.stamp(null)).isEmpty();
        assertThat(FileOffsets.stamp(Map.of("last.modified", 5L))).isEmpty();
        assertThat(FileOffsets.stamp(Map.of("last.modified", "5", "size", 7L))).isEmpty();
    }
}
