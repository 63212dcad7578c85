package dev.autodidact.learner.embed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The re-embedding of the retained clean records after a new model version, per partition the embedder owns: a
 * group-less consumer reads each partition from its beginning up to where the live consumer stood when the version
 * arrived, in small steps between live batches, so new records never wait for a replay. A newer version restarts the
 * pass (the superseded one would only be overwritten). When a partition's pass completes, the version is recorded in
 * the metadata of the group's committed offset ({@code replayed=<version>}), so that a version published while the
 * embedder was down, or a pass a crash cut short, is replayed at the next start.
 */
final class ReEmbedding {
    private static final String PREFIX = "replayed=";

    private final Consumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> until = new HashMap<>();
    private final Map<TopicPartition, Long> replayed = new HashMap<>();
    private long passVersion;

    ReEmbedding(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /**
     * Partitions the live consumer was given: each whose committed metadata names a version older than {@code version}
     * is replayed up to its committed offset; a partition without a committed offset is embedded from its start by
     * the live consumer, so it needs no replay.
     */
    void assigned(
            Collection<TopicPartition> partitions, Map<TopicPartition, OffsetAndMetadata> committed, long version) {
        passVersion = version;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long done = c == null ? version : parse(c.metadata());
            replayed.put(tp, done);
            if (done < version) {
                until.put(tp, c.offset());
            }
        }
        reassign();
    }

    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> {
            until.remove(tp);
            replayed.remove(tp);
        });
        reassign();
    }

    /** A new version: every owned partition is replayed again up to {@code livePositions}. */
    void restart(long version, Map<TopicPartition, Long> livePositions) {
        passVersion = version;
        until.clear();
        until.putAll(livePositions);
        consumer.assign(List.copyOf(until.keySet()));
        consumer.seekToBeginning(until.keySet());
    }

    /** Polls the pass once; the records returned are below the pass's end. Completed partitions leave the pass. */
    List<ConsumerRecord<byte[], byte[]>> poll(Duration timeout) {
        if (until.isEmpty()) {
            return List.of();
        }
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            Long end = until.get(new TopicPartition(r.topic(), r.partition()));
            if (end != null && r.offset() < end) {
                out.add(r);
            }
        }
        return out;
    }

    /** Partitions whose pass is complete now that everything {@link #poll} returned is published; marks them. */
    List<TopicPartition> completed() {
        List<TopicPartition> done = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> e : until.entrySet()) {
            if (consumer.position(e.getKey()) >= e.getValue()) {
                done.add(e.getKey());
            }
        }
        done.forEach(tp -> {
            until.remove(tp);
            replayed.put(tp, passVersion);
        });
        if (!done.isEmpty()) {
            reassign();
        }
        return done;
    }

    /** Moves the replay of the partitions in {@code firstOffsets} back to those offsets (a failed batch). */
    void rewind(Map<TopicPartition, Long> firstOffsets) {
        firstOffsets.forEach((tp, o) -> {
            if (until.containsKey(tp)) {
                consumer.seek(tp, o);
            }
        });
    }

    /** The metadata to commit with {@code tp}'s offset. */
    String metadata(TopicPartition tp) {
        return PREFIX + replayed.getOrDefault(tp, 0L);
    }

    /** The version whose re-embedding is complete on every owned partition (0 if none). */
    long completeVersion() {
        return replayed.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** Fraction of the current pass done, 1 when no pass runs. */
    double progress() {
        if (until.isEmpty()) {
            return 1;
        }
        long done = 0;
        long all = 0;
        for (Map.Entry<TopicPartition, Long> e : until.entrySet()) {
            all += e.getValue();
            done += Math.min(
                    e.getValue(),
                    Optional.ofNullable(positionOrNull(e.getKey())).orElse(0L));
        }
        return all == 0 ? 1 : done / (double) all;
    }

    private Long positionOrNull(TopicPartition tp) {
        try {
            return consumer.position(tp, Duration.ZERO);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void reassign() {
        List<TopicPartition> active = new ArrayList<>(until.keySet());
        List<TopicPartition> fresh = active.stream()
                .filter(tp -> !consumer.assignment().contains(tp))
                .toList();
        consumer.assign(active);
        consumer.seekToBeginning(fresh);
    }

    private static long parse(String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return 0;
        }
        try {
            return Long.parseLong(metadata.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
