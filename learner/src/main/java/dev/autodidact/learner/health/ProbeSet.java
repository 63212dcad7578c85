package dev.autodidact.learner.health;

import dev.autodidact.learner.eval.FeatureSet;
import dev.autodidact.learner.internal.DeadLetterPublisher;
import dev.autodidact.learner.internal.RecordRejector;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.ModalityKit;
import dev.autodidact.schema.HeaderNames;
import dev.autodidact.schema.checkpoint.CheckpointCodec;
import dev.autodidact.schema.example.Tensor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The labeled records of {@code probe.<modality>} (value: raw media such as an encoded image, header {@code label}),
 * decoded and canonicalised by the modality's kit with the stream-app's media code and split deterministically by key into a memory bank (4/5) and
 * queries (1/5) for online kNN and linear probes. Later records with the same key replace earlier ones.
 *
 * <p>Bounded: at most {@code maxRecords} records are kept, the ones whose keys hash lowest (a bottom-k sample: the
 * same subset on every restart, spread evenly over classes and time), so memory and the probe's time at each
 * checkpoint stay fixed however large the topic grows. A record without key, value or label, or whose media does not
 * decode, is dead-lettered.
 */
public final class ProbeSet implements AutoCloseable {
    private static final int MIN_RECORDS = 10;

    /** The {@code source} tag of rejected probe records. */
    public static final String SOURCE = "probe";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final int maxRecords;
    private final RecordRejector rejector;
    private final TreeMap<String, String> byRank = new TreeMap<>();
    private final ModalityKit kit;
    private final EncoderArchitecture encoder;
    private final Map<String, Labeled> records = new LinkedHashMap<>();

    private record Labeled(Tensor input, String label) {}

    /** A probe split ready to embed: inputs and labels of the memory bank and of the queries. */
    public record Split(
            List<Tensor> bankInputs,
            int[] bankLabels,
            List<Tensor> queryInputs,
            int[] queryLabels,
            List<String> classes) {
        public FeatureSet bank(float[][] features) {
            return new FeatureSet(features, bankLabels, classes.size(), classes);
        }

        public FeatureSet queries(float[][] features) {
            return new FeatureSet(features, queryLabels, classes.size(), classes);
        }
    }

    /**
     * @param kit decodes the probe records' raw media
     * @param encoder the encoder whose canonical input the records are decoded to
     */
    public ProbeSet(
            Map<String, Object> clientProperties,
            String topic,
            ModalityKit kit,
            EncoderArchitecture encoder,
            int maxRecords,
            RecordRejector rejector) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.maxRecords = maxRecords;
        this.rejector = rejector;
        this.kit = kit;
        this.encoder = encoder;
        TopicPartition tp = new TopicPartition(topic, 0);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
    }

    /** Reads new probe records; returns a split once there are enough records of at least two classes. */
    public Optional<Split> refresh(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int polled;
        do {
            polled = 0;
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                polled++;
                accept(r);
            }
        } while (polled > 0 && System.nanoTime() < deadline);
        return split();
    }

    private void accept(ConsumerRecord<byte[], byte[]> r) {
        Optional<String> label = HeaderNames.get(r.headers(), HeaderNames.LABEL);
        if (r.key() == null || r.value() == null || label.isEmpty()) {
            rejector.reject(
                    r,
                    SOURCE,
                    DeadLetterPublisher.UNUSABLE,
                    new IllegalArgumentException("A probe record needs a key, a value and a label header"));
            return;
        }
        String key = new String(r.key(), StandardCharsets.UTF_8);
        Tensor input;
        try {
            input = kit.canonical(r.value(), encoder);
        } catch (RuntimeException e) {
            rejector.reject(r, SOURCE, DeadLetterPublisher.CORRUPT, e);
            return;
        }
        String rank = rank(key);
        if (!records.containsKey(key) && records.size() >= maxRecords && rank.compareTo(byRank.lastKey()) > 0) {
            return;
        }
        records.put(key, new Labeled(input, label.get()));
        byRank.put(rank, key);
        if (records.size() > maxRecords) {
            records.remove(byRank.pollLastEntry().getValue());
        }
    }

    /** The key's place in the bottom-k order: its SHA-256 in hex, then the key itself to break ties. */
    private static String rank(String key) {
        return CheckpointCodec.sha256(key.getBytes(StandardCharsets.UTF_8)) + key;
    }

    private Optional<Split> split() {
        List<String> classes = new ArrayList<>(
                new TreeSet<>(records.values().stream().map(Labeled::label).toList()));
        if (records.size() < MIN_RECORDS || classes.size() < 2) {
            return Optional.empty();
        }
        List<Tensor> bank = new ArrayList<>();
        List<Integer> bankLabels = new ArrayList<>();
        List<Tensor> queries = new ArrayList<>();
        List<Integer> queryLabels = new ArrayList<>();
        records.forEach((key, rec) -> {
            boolean query = Math.floorMod(key.hashCode(), 5) == 0;
            (query ? queries : bank).add(rec.input());
            (query ? queryLabels : bankLabels).add(classes.indexOf(rec.label()));
        });
        if (bank.isEmpty() || queries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Split(
                bank,
                bankLabels.stream().mapToInt(Integer::intValue).toArray(),
                queries,
                queryLabels.stream().mapToInt(Integer::intValue).toArray(),
                classes));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
