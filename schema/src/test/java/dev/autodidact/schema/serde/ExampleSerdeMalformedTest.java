package dev.autodidact.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.example.ExampleLimits;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every malformed example is a {@link SerializationException} that says what is wrong, raised before anything sized by
 * the record is allocated: each case also checks that the read allocated less than {@link #ALLOCATION_CAP} bytes.
 */
class ExampleSerdeMalformedTest {
    /** Parsing a small header allocates some KiB; an allocation sized by a hostile header would be far more. */
    private static final long ALLOCATION_CAP = 1 << 20;

    private static final String U8 = "{'dtype':'U8','shape':[%s],'data_offsets':[%s]}";

    @BeforeAll
    static void warmUp() {
        // Loads and initialises the parser's classes, so that the first case does not count them.
        ExampleSerde.read(ExampleSerde.write(ExampleSerdeTest.fixtureExample()));
        assertThatThrownBy(() -> ExampleSerde.read(record("{'a':1} x", 0)));
    }

    /** Version byte, header length, the header ({@code '} for {@code "}) padded with spaces, {@code data} zeros. */
    static byte[] record(String header, int data) {
        byte[] json = header.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        return record(json, (json.length + 7) / 8 * 8, data);
    }

    static byte[] record(byte[] json, long declaredLength, int data) {
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(9 + padded + data).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(ExampleSerde.VERSION).putLong(declaredLength).put(json);
        while (buf.position() < 9 + padded) {
            buf.put((byte) ' ');
        }
        return buf.array();
    }

    static String u8(String shape, String offsets) {
        return String.format(U8, shape, offsets);
    }

    private static void assertMalformed(byte[] bytes, String... fragments) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Throwable thrown = null;
        try {
            ExampleSerde.read(bytes);
        } catch (Throwable t) {
            thrown = t;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(thrown).isInstanceOf(SerializationException.class).hasMessageStartingWith("Malformed example: ");
        for (String f : fragments) {
            assertThat(thrown).hasMessageContaining(f);
        }
        assertThat(allocated).as("bytes allocated while rejecting").isLessThan(ALLOCATION_CAP);
    }

    @Test
    void shouldRejectOtherFormatVersions() {
        CleanImage image = ExampleSerdeTest.randomImage(4, 4, 3);
        java.nio.ByteBuffer old = java.nio.ByteBuffer.allocate(4 + 2 * (8 + 48))
                .put((byte) 'V')
                .put((byte) 1)
                .putShort((short) 2);
        for (int v = 0; v < 2; v++) {
            old.putInt(image.width()).putInt(image.height()).put(image.pixels());
        }
        byte[] oldViews = old.array();
        assertMalformed(oldViews, "unsupported format version 86", "expected 1");
        byte[] two = record(u8("1", "0,1"), 1);
        two[0] = 2;
        assertMalformed(two, "unsupported format version 2");
        two[0] = 0;
        assertMalformed(two, "unsupported format version 0");
    }

    @Test
    void shouldRejectRecordsTooShortOrTooLong() {
        assertMalformed(new byte[0], "0 bytes is too short");
        assertMalformed(new byte[] {1}, "1 bytes is too short");
        assertMalformed(new byte[] {1, 8, 0, 0, 0, 0, 0, 0}, "8 bytes is too short");
        byte[] huge = new byte[ExampleLimits.MAX_RECORD_BYTES + 1];
        huge[0] = ExampleSerde.VERSION;
        assertMalformed(huge, (ExampleLimits.MAX_RECORD_BYTES + 1) + " bytes is over the limit");
    }

    @Test
    void shouldRejectHeaderLengthsOutOfBounds() {
        byte[] json = u8("1", "0,1").replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        assertMalformed(record(json, 1L << 40, 1), "header length 1099511627776", "out of bounds");
        assertMalformed(record(json, -1L, 1), "header length 18446744073709551615");
        assertMalformed(record(json, Long.MIN_VALUE, 1), "header length 9223372036854775808");
        assertMalformed(record(json, 0, 1), "header length 0");
        assertMalformed(record(json, 48 + 2, 1), "header length 50", "out of bounds");
        byte[] big = record(" ".repeat(ExampleLimits.MAX_HEADER_BYTES) + u8("1", "0,1"), 1);
        assertMalformed(big, "header length " + (big.length - 10), "over the limit of 65536");
    }

    @Test
    void shouldRejectHeadersThatAreNotJsonObjects() {
        assertMalformed(record("{'a':", 0), "header is not JSON");
        assertMalformed(record("not json", 0), "header is not JSON");
        assertMalformed(record("{'x':" + u8("1", "0,1") + "} {}", 1), "header is not JSON");
        assertMalformed(record("[1, 2]", 0), "header is not a JSON object");
        assertMalformed(record("'text'", 0), "header is not a JSON object");
        assertMalformed(record("null", 0), "header is not a JSON object");
        assertMalformed(record("{}", 0), "at least one array");
        assertMalformed(record("{'__metadata__':{'modality':'image'}}", 0), "at least one array");
        assertMalformed(record("[".repeat(5000), 0), "header is not JSON");
        assertMalformed(
                record("{'x':" + u8("1", "0,1") + ",'x':" + u8("1", "0,1") + "}", 1),
                "header is not JSON",
                "Duplicate field 'x'");
        byte[] latin1 = "{\"caf\u00e9\":{}}".getBytes(StandardCharsets.ISO_8859_1);
        assertMalformed(record(latin1, (latin1.length + 7) / 8 * 8, 0), "header is not UTF-8");
        byte[] overlong = "{\"x\":{},\"__metadata__\":{\"k\":\"\u00c0\u0080\"}}".getBytes(StandardCharsets.ISO_8859_1);
        assertMalformed(record(overlong, (overlong.length + 7) / 8 * 8, 0), "header is not UTF-8");
    }

    @Test
    void shouldRejectBadTypesAndShapes() {
        assertMalformed(
                record("{'x':{'dtype':'F16','shape':[1],'data_offsets':[0,2]}}", 2),
                "array 'x'",
                "unsupported type 'F16'");
        assertMalformed(record("{'x':{'shape':[1],'data_offsets':[0,1]}}", 1), "array 'x'", "unsupported type ''");
        assertMalformed(record("{'x':5}", 0), "array 'x' is not an object");
        assertMalformed(record("{'x':" + u8("1,1,1,1,1,1,1", "0,1") + "}", 1), "array 'x'", "rank 7", "at most 6");
        assertMalformed(record("{'x':" + u8("-1", "0,0") + "}", 0), "array 'x'", "bad dimension -1");
        assertMalformed(record("{'x':" + u8("1.5", "0,1") + "}", 1), "array 'x'", "bad dimension 1.5");
        assertMalformed(record("{'x':" + u8("'2'", "0,2") + "}", 2), "array 'x'", "bad dimension \"2\"");
        assertMalformed(record("{'x':" + u8("true", "0,1") + "}", 1), "bad dimension true");
        assertMalformed(record("{'x':" + u8("2147483648", "0,1") + "}", 1), "bad dimension 2147483648");
        assertMalformed(
                record("{'x':{'dtype':'U8','shape':7,'data_offsets':[0,7]}}", 7),
                "array 'x'",
                "shape must be an array");
    }

    @Test
    void shouldRejectDimensionsWhoseProductOverflowsOrExceedsTheRecord() {
        String max = Integer.toString(Integer.MAX_VALUE);
        String six = String.join(",", max, max, max, max, max, max);
        assertMalformed(record("{'x':" + u8(six, "0,1") + "}", 1), "array 'x'", "too many elements");
        String wraps = "{'x':{'dtype':'F32','shape':[5,5581,8681,49477,384773],'data_offsets':[0,4]}}";
        assertMalformed(record(wraps, 4), "array 'x'", "too many");
        assertMalformed(
                record("{'x':" + u8("65536,65536,65536", "0,281474976710656") + "}", 8), "array 'x'", "past the end");
    }

    @Test
    void shouldRejectOffsetsThatDoNotTileTheData() {
        String a = "'a':" + u8("8", "0,8");
        assertMalformed(
                record("{" + a + ",'b':" + u8("8", "4,12") + "}", 12), "array 'b'", "[4, 12]", "expected [8, 16]");
        assertMalformed(
                record("{" + a + ",'b':" + u8("8", "12,20") + "}", 20), "array 'b'", "[12, 20]", "expected [8, 16]");
        assertMalformed(record("{'a':" + u8("16", "0,16") + "}", 8), "array 'a'", "past the end of the 8 data bytes");
        assertMalformed(
                record("{'a':{'dtype':'F32','shape':[3],'data_offsets':[0,8]}}", 8), "array 'a'", "expected [0, 12]");
        assertMalformed(record("{'a':" + u8("0", "8,0") + "}", 8), "array 'a'", "[8, 0]");
        assertMalformed(record("{'a':" + u8("4", "-4,0") + "}", 8), "array 'a'", "[-4, 0]");
        assertMalformed(record("{'a':" + u8("8", "0.0,8") + "}", 8), "array 'a'", "data_offsets");
        assertMalformed(record("{'a':" + u8("8", "0") + "}", 8), "array 'a'", "data_offsets");
        assertMalformed(record("{'a':" + u8("8", "0,18446744073709551616") + "}", 8), "array 'a'", "data_offsets");
        assertMalformed(record("{'a':{'dtype':'U8','shape':[8]}}", 8), "array 'a'", "data_offsets");
        assertMalformed(record("{" + a + "}", 9), "1 trailing bytes");
    }

    @Test
    void shouldRejectTooManyArraysWithOrWithoutMetadata() {
        StringJoiner arrays = new StringJoiner(",");
        for (int i = 0; i <= ExampleLimits.MAX_ARRAYS; i++) {
            arrays.add("'a" + i + "':" + u8("1", i + "," + (i + 1)));
        }
        int n = ExampleLimits.MAX_ARRAYS + 1;
        assertMalformed(record("{" + arrays + "}", n), n + " arrays", "at most 128");
        assertMalformed(record("{'__metadata__':{'modality':'image'}," + arrays + "}", n), n + " arrays");
    }

    @Test
    void shouldRejectMetadataThatIsNotAFewShortStrings() {
        String x = ",'x':" + u8("1", "0,1") + "}";
        assertMalformed(record("{'__metadata__':{'seed':1}" + x, 1), "metadata 'seed' is not a short string");
        assertMalformed(record("{'__metadata__':{'seed':null}" + x, 1), "metadata 'seed'");
        assertMalformed(record("{'__metadata__':{'seed':{'a':'b'}}" + x, 1), "metadata 'seed'");
        assertMalformed(record("{'__metadata__':'image'" + x, 1), "__metadata__ must be an object");
        String tooLong = "x".repeat(ExampleLimits.MAX_METADATA_VALUE + 1);
        assertMalformed(record("{'__metadata__':{'k':'" + tooLong + "'}" + x, 1), "metadata 'k'");
        StringJoiner many = new StringJoiner(",");
        for (int i = 0; i <= ExampleLimits.MAX_METADATA; i++) {
            many.add("'k" + i + "':'v'");
        }
        assertMalformed(record("{'__metadata__':{" + many + "}" + x, 1), "at most 32");
    }

    @Test
    void shouldRejectInvalidArrayNames() {
        for (String name : Arrays.asList("View.0", "a..b", "", "a/b", ".a", "a.", "x".repeat(65), "caf\u00e9")) {
            assertMalformed(record("{'" + name + "':" + u8("1", "0,1") + "}", 1), "Invalid array name '" + name + "'");
        }
    }
}
