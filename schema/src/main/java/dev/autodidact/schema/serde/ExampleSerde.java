package dev.autodidact.schema.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autodidact.schema.example.DType;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ExampleLimits;
import dev.autodidact.schema.example.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wire format of {@link Example}: one format-version byte ({@value #VERSION}), then a
 * <a href="https://huggingface.co/docs/safetensors">safetensors</a> buffer: an unsigned little-endian int64 header
 * length {@code N}, {@code N} bytes of JSON ({@code {"<name>": {"dtype": "U8", "shape": [32, 32, 3],
 * "data_offsets": [begin, end]}, ..., "__metadata__": {"modality": "image", ...}}}, padded with spaces to a multiple
 * of 8) and the arrays' little-endian bytes back to back, offsets relative to the end of the header.
 *
 * <p>Why safetensors: it is self-describing (names, types and shapes travel with the data, so a method's example
 * needs no schema of its own), it is read with numpy alone in a dozen lines ({@code np.frombuffer} on each slice) or
 * with {@code safetensors.numpy.load(value[1:])}, it copies nothing to decode, and it has no code execution path
 * (unlike pickle or npz-with-objects). Protobuf or Avro would need generated code or a schema registry on every
 * subscriber for what is, in the end, a list of arrays.
 *
 * <p>Reading checks every size against {@link ExampleLimits} and the record's length before allocating: the header
 * length, array count, rank, dimensions, offsets that must tile the data exactly, metadata entries.
 */
public final class ExampleSerde implements Serde<Example> {
    public static final byte VERSION = 1;
    private static final String METADATA = "__metadata__";
    /** Strict JSON: duplicate names, and anything after the header object, are errors (in the Python reader too). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public Serializer<Example> serializer() {
        return (topic, example) -> example == null ? null : write(example);
    }

    @Override
    public Deserializer<Example> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    /**
     * @throws SerializationException if the example is over a limit that {@link #read} enforces
     */
    public static byte[] write(Example example) {
        checkLimits(example);
        ObjectNode header = JSON.createObjectNode();
        if (!example.metadata().isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            example.metadata().forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : example.arrays().entrySet()) {
            Tensor t = e.getValue();
            ObjectNode node = header.putObject(e.getKey());
            node.put("dtype", t.dtype().name());
            ArrayNode shape = node.putArray("shape");
            Arrays.stream(t.shape()).forEach(shape::add);
            node.putArray("data_offsets").add(offset).add(offset + t.bytes().length);
            offset += t.bytes().length;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write example header", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        if (padded > ExampleLimits.MAX_HEADER_BYTES) {
            throw new SerializationException(
                    "Example header of " + padded + " bytes is over the limit of " + ExampleLimits.MAX_HEADER_BYTES);
        }
        long total = 1L + 8 + padded + offset;
        if (total > ExampleLimits.MAX_RECORD_BYTES) {
            throw new SerializationException(
                    "Example of " + total + " bytes is over the limit of " + ExampleLimits.MAX_RECORD_BYTES);
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(VERSION).putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        example.arrays().values().forEach(t -> buf.put(t.bytes()));
        return buf.array();
    }

    /** The limits {@link #read} checks that an {@link Example} does not check itself. */
    private static void checkLimits(Example example) {
        if (example.arrays().size() > ExampleLimits.MAX_ARRAYS) {
            throw new SerializationException("Example of " + example.arrays().size() + " arrays is over the limit of "
                    + ExampleLimits.MAX_ARRAYS);
        }
        example.arrays().forEach((name, t) -> {
            if (t.rank() > ExampleLimits.MAX_RANK) {
                throw new SerializationException("Array '" + name + "' has rank " + t.rank() + ", at most "
                        + ExampleLimits.MAX_RANK + " allowed");
            }
        });
        if (example.metadata().size() > ExampleLimits.MAX_METADATA) {
            throw new SerializationException("Example of " + example.metadata().size()
                    + " metadata entries is over the limit of " + ExampleLimits.MAX_METADATA);
        }
        example.metadata().forEach((key, value) -> {
            if (value.length() > ExampleLimits.MAX_METADATA_VALUE) {
                throw new SerializationException("Example metadata '" + key + "' is longer than "
                        + ExampleLimits.MAX_METADATA_VALUE + " characters");
            }
        });
    }

    /**
     * @throws SerializationException if the bytes are not a well-formed example within the limits
     */
    public static Example read(byte[] bytes) {
        try {
            return parse(bytes);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SerializationException("Malformed example: " + e.getMessage(), e);
        }
    }

    private static Example parse(byte[] bytes) {
        if (bytes.length > ExampleLimits.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException(
                    "record of " + bytes.length + " bytes is over the limit of " + ExampleLimits.MAX_RECORD_BYTES);
        }
        if (bytes.length < 9) {
            throw new IllegalArgumentException("record of " + bytes.length + " bytes is too short");
        }
        if (bytes[0] != VERSION) {
            throw new IllegalArgumentException(
                    "unsupported format version " + (bytes[0] & 0xff) + " (expected " + VERSION + ")");
        }
        long headerLength =
                ByteBuffer.wrap(bytes, 1, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > bytes.length - 9) {
            throw new IllegalArgumentException("header length " + Long.toUnsignedString(headerLength)
                    + " is out of bounds: " + (bytes.length - 9) + " bytes follow it");
        }
        if (headerLength > ExampleLimits.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException(
                    "header length " + headerLength + " is over the limit of " + ExampleLimits.MAX_HEADER_BYTES);
        }
        int dataStart = 9 + (int) headerLength;
        JsonNode header = header(bytes, (int) headerLength);
        int arrays = header.size() - (header.has(METADATA) ? 1 : 0);
        if (arrays > ExampleLimits.MAX_ARRAYS) {
            throw new IllegalArgumentException(
                    "header has " + arrays + " arrays, at most " + ExampleLimits.MAX_ARRAYS + " allowed");
        }
        Example.Builder builder = new Example.Builder();
        readMetadata(header.get(METADATA), builder);
        int dataLength = bytes.length - dataStart;
        List<Slot> slots = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(METADATA)) {
                slots.add(slot(e.getKey(), e.getValue()));
            }
        }
        // By begin and then end, as safetensors does: a zero-size array may share its begin with the next array.
        slots.sort(Comparator.comparingLong(Slot::begin).thenComparingLong(Slot::end));
        long expectedOffset = 0;
        for (Slot s : slots) {
            long expectedBytes = byteSize(s.name(), s.dtype(), s.shape());
            String offsets = "array '" + s.name() + "' has data_offsets [" + s.begin() + ", " + s.end() + "]";
            if (s.begin() != expectedOffset || s.end() < s.begin()) {
                throw new IllegalArgumentException(offsets + ", expected [" + expectedOffset + ", "
                        + (expectedOffset + expectedBytes) + "]: arrays must tile the data without gaps or overlaps");
            }
            if (s.end() - s.begin() != expectedBytes) {
                throw new IllegalArgumentException(offsets + ", expected [" + s.begin() + ", "
                        + (s.begin() + expectedBytes) + "] for " + s.dtype() + Arrays.toString(s.shape()));
            }
            if (s.end() > dataLength) {
                throw new IllegalArgumentException(offsets + " past the end of the " + dataLength + " data bytes");
            }
            byte[] data = Arrays.copyOfRange(bytes, dataStart + (int) s.begin(), dataStart + (int) s.end());
            builder.put(s.name(), Tensor.wrap(s.dtype(), s.shape(), data));
            expectedOffset = s.end();
        }
        if (expectedOffset != dataLength) {
            throw new IllegalArgumentException((dataLength - expectedOffset) + " trailing bytes after the arrays");
        }
        return builder.build();
    }

    /** The header: strict UTF-8 (no overlong forms or lone surrogates), then one JSON object. */
    private static JsonNode header(byte[] bytes, int length) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes, 9, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("header is not UTF-8", e);
        }
        JsonNode header;
        try {
            header = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("header is not JSON: " + e.getOriginalMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw new IllegalArgumentException("header is not a JSON object");
        }
        return header;
    }

    /** One array's header entry. Arrays are laid out in the order of their offsets, whatever the JSON's order. */
    private record Slot(String name, DType dtype, int[] shape, long begin, long end) {}

    private static Slot slot(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("array '" + name + "' is not an object");
        }
        DType dtype;
        try {
            dtype = DType.of(node.path("dtype").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "array '" + name + "' has unsupported type '"
                            + node.path("dtype").asText() + "'",
                    e);
        }
        int[] shape = shape(name, node.path("shape"));
        JsonNode range = node.path("data_offsets");
        if (!range.isArray() || range.size() != 2 || !isLong(range.get(0)) || !isLong(range.get(1))) {
            throw new IllegalArgumentException(
                    "array '" + name + "' needs data_offsets [begin, end] of two integers, " + "got " + range);
        }
        return new Slot(name, dtype, shape, range.get(0).asLong(), range.get(1).asLong());
    }

    private static boolean isLong(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong();
    }

    private static int[] shape(String name, JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("array '" + name + "': shape must be an array of dimensions");
        }
        if (node.size() > ExampleLimits.MAX_RANK) {
            throw new IllegalArgumentException("array '" + name + "' has rank " + node.size() + ", at most "
                    + ExampleLimits.MAX_RANK + " allowed");
        }
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.asInt() < 0) {
                throw new IllegalArgumentException("array '" + name + "' has bad dimension " + d);
            }
            shape[i] = d.asInt();
        }
        return shape;
    }

    private static long byteSize(String name, DType dtype, int[] shape) {
        try {
            return Math.multiplyExact(Tensor.elementCount(shape), (long) dtype.bytes());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "array '" + name + "' of shape " + Arrays.toString(shape) + " has too many elements", e);
        }
    }

    private static void readMetadata(JsonNode meta, Example.Builder builder) {
        if (meta == null) {
            return;
        }
        if (!meta.isObject() || meta.size() > ExampleLimits.MAX_METADATA) {
            throw new IllegalArgumentException(
                    "__metadata__ must be an object of at most " + ExampleLimits.MAX_METADATA + " strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        meta.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().length() > ExampleLimits.MAX_METADATA_VALUE) {
                throw new IllegalArgumentException("metadata '" + e.getKey() + "' is not a short string");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        values.forEach(builder::meta);
    }
}
