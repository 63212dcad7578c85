package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autodidact.broker.EmbeddedKafkaBroker;
import dev.autodidact.broker.testing.KafkaBrokerExtension;
import dev.autodidact.media.image.ImageDecoder;
import dev.autodidact.media.image.RgbImage;
import dev.autodidact.schema.CleanImage;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.Topics;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.ImageArrays;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.serde.EmbeddingSerde;
import dev.autodidact.schema.serde.ExampleSerde;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code python/autodidact_records.py}, run with Debian's {@code /usr/bin/python3} against the real broker, decodes
 * what the Java side writes: an example of two image views and an embedding with the embedder's headers, value for
 * value. Fails (does not skip) without numpy and confluent_kafka there: {@code .ci/run} installs them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PythonReaderIT {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path SCRIPT = REPO.resolve("python").resolve("autodidact_records.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePython() throws Exception {
        assertThat(SCRIPT).as("the reader next to the cli module").isRegularFile();
        assertThat(Path.of(PYTHON)).as("Debian's python3").isRegularFile();
        Process check = new ProcessBuilder(PYTHON, "-c", "import numpy, confluent_kafka")
                .redirectErrorStream(true)
                .start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
            fail(PYTHON + " cannot import numpy and confluent_kafka; install Debian's python3-numpy and "
                    + "python3-confluent-kafka (.ci/run does): " + out.strip());
        }
    }

    /** One run of the reader: its exit status and the JSON lines it printed. */
    private record Run(int exit, List<JsonNode> lines, String stderr) {}

    @Test
    void shouldDecodeImageViewsPixelForPixel() throws Exception {
        Topics topics = topics();
        String topic = topics.examples(Modality.IMAGE, "simclr");
        CleanImage first = decodePng(png(1));
        CleanImage second = decodePng(png(2));
        Example example = ImageArrays.views(List.of(first, second), "simclr-default");
        produce(topic, "img-0001", example, new ExampleSerde().serializer(), new RecordHeaders());

        Run run = read(topic, "example");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode line = run.lines().get(0);
        assertThat(line.has("error")).as(line.toString()).isFalse();
        assertThat(line.path("key").asText()).isEqualTo("img-0001");
        assertThat(JSON.convertValue(line.path("metadata"), Map.class))
                .isEqualTo(example.metadata())
                .containsEntry("modality", "image")
                .containsEntry("recipe", "simclr-default");
        JsonNode arrays = line.path("arrays");
        assertThat(arrays).hasSize(2);
        assertView(arrays.get(0), "view.0", example.array("view.0"));
        assertView(arrays.get(1), "view.1", example.array("view.1"));
        assertThat(arrays.get(0).path("sha256")).isNotEqualTo(arrays.get(1).path("sha256"));
    }

    @Test
    void shouldDecodeAnEmbeddingWithTheEmbeddersHeaders() throws Exception {
        String topic = topics().embeddings(Modality.IMAGE);
        Random r = new Random(5);
        float[] vector = new float[64];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) r.nextGaussian() * (i % 7 == 0 ? 1e-20f : 1f);
        }
        // The header set of learner's EmbeddingSink: source and event-time copied from the clean record, then
        // model-version, dimension and method.
        RecordHeaders headers = new RecordHeaders();
        HeaderNames.put(headers, HeaderNames.SOURCE, "file:/data/img-0002.png");
        HeaderNames.put(headers, HeaderNames.EVENT_TIME, "1764669052000");
        HeaderNames.put(headers, HeaderNames.MODEL_VERSION, "12");
        HeaderNames.put(headers, HeaderNames.DIMENSION, Integer.toString(vector.length));
        HeaderNames.put(headers, HeaderNames.METHOD, "simclr");
        produce(topic, "img-0002", vector, new EmbeddingSerde().serializer(), headers);

        Run run = read(topic, "embedding", "--values");

        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode line = run.lines().get(0);
        assertThat(line.has("error")).as(line.toString()).isFalse();
        assertThat(line.path("key").asText()).isEqualTo("img-0002");
        assertThat(line.path("dimension").asInt()).isEqualTo(64);
        assertThat(line.path("model_version").asLong()).isEqualTo(12L);
        assertThat(line.path("headers").path("method").asText()).isEqualTo("simclr");
        float[] values = new float[line.path("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) line.path("values").get(i).asDouble();
        }
        assertThat(values).containsExactly(vector);
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        assertThat(line.path("norm").asDouble()).isCloseTo(Math.sqrt(norm), Offset.offset(1e-9));
    }

    @Test
    void shouldReportARecordOfTheOldFormatAsAnError() throws Exception {
        String topic = topics().examples(Modality.IMAGE, "simclr");
        CleanImage image = decodePng(png(3));
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 + 2 * (8 + image.pixels().length))
                .put((byte) 'V')
                .put((byte) 1)
                .putShort((short) 2);
        for (int v = 0; v < 2; v++) {
            buf.putInt(image.width()).putInt(image.height()).put(image.pixels());
        }
        byte[] old = buf.array();
        produce(topic, "old", old, new ByteArraySerializer(), new RecordHeaders());

        Run run = read(topic, "example");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines().get(0).path("error").asText()).contains("unsupported format version 86");
    }

    private static void assertView(JsonNode node, String name, Tensor expected) throws Exception {
        byte[] pixels = expected.bytes();
        long sum = 0;
        List<Integer> firstValues = new ArrayList<>();
        for (int i = 0; i < pixels.length; i++) {
            sum += pixels[i] & 0xff;
            if (i < 8) {
                firstValues.add(pixels[i] & 0xff);
            }
        }
        assertThat(node.path("name").asText()).isEqualTo(name);
        assertThat(node.path("dtype").asText()).isEqualTo("U8");
        assertThat(JSON.convertValue(node.path("shape"), int[].class)).containsExactly(32, 32, 3);
        assertThat(node.path("sum").asLong()).isEqualTo(sum);
        assertThat(node.path("sha256").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(pixels)));
        assertThat(JSON.convertValue(node.path("first"), Integer[].class)).containsExactlyElementsOf(firstValues);
    }

    private static Topics topics() {
        return new Topics("python-it-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    }

    private static <V> void produce(String topic, String key, V value, Serializer<V> serializer, RecordHeaders headers)
            throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                serializer)) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers))
                    .get();
        }
    }

    private Run read(String topic, String kind, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                PYTHON,
                SCRIPT.toString(),
                "--bootstrap",
                broker.bootstrapServers(),
                "--topic",
                topic,
                "--kind",
                kind,
                "--count",
                "1",
                "--timeout",
                "60"));
        command.addAll(List.of(extra));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command)
                .directory(REPO.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("autodidact_records.py did not finish in 120 s: " + Files.readString(err));
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(l));
        }
        return new Run(p.exitValue(), lines, Files.readString(err));
    }

    /** A 32x32 PNG: a colour gradient with seeded noise, so that every pixel and channel matters. */
    private static byte[] png(long seed) throws IOException {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int red = Math.min(255, x * 8 + r.nextInt(8));
                int green = Math.min(255, y * 8 + r.nextInt(8));
                int blue = r.nextInt(256);
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    private static CleanImage decodePng(byte[] png) {
        RgbImage rgb = new ImageDecoder().decode(png);
        return new CleanImage(rgb.width(), rgb.height(), rgb.pixels());
    }
}
