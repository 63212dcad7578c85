package dev.autodidact.streams.internal;

import dev.autodidact.media.audio.PcmClip;
import dev.autodidact.schema.Topics;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The last few clean clips of one task, for the recipes that mix another clip into a view (BYOL-A's mixup): slots
 * {@code 0 .. capacity - 1} of a key-value store hold 16-bit PCM, key {@value #COUNT_KEY} how many clips were ever
 * added, and each new clip overwrites the oldest. A record picks one of the clips before it, uniformly, with a
 * generator of its own seed, then adds its own.
 *
 * <p>The store is changelogged, and under exactly-once its state is restored to the last commit whenever a task is
 * replayed: a record processed again finds the ring as it was the first time and mixes with the same clip, so its
 * example is reproduced exactly, as examples without mixing are. The first record of a task (or of a new application
 * id) finds the ring empty and is drawn without mixing. Each clip costs its PCM bytes once more on the changelog, which
 * is why the ring exists only for a method whose recipe mixes ({@code audio.mix > 0}).
 */
public final class AudioMixRing {
    /** The key of the count of clips ever added. */
    static final int COUNT_KEY = -1;

    private final KeyValueStore<Integer, byte[]> store;
    private final int capacity;

    /**
     * @param store the ring's store, from {@link #storeBuilder(String)}
     * @param capacity slots in the ring, at least 1
     */
    public AudioMixRing(KeyValueStore<Integer, byte[]> store, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        if (capacity < 1) {
            throw new IllegalArgumentException("A mixing ring needs at least one slot, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * @param name the store's name
     * @return an in-memory store logged to a changelog topic that admits a clip as large as a record may be
     */
    public static StoreBuilder<KeyValueStore<Integer, byte[]>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Integer(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of("max.message.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES)));
    }

    /**
     * @param rng the record's mixing generator
     * @param sampleRate the rate of the clips
     * @return one of the clips in the ring, uniformly, or empty if the ring is empty
     */
    public Optional<PcmClip> pick(RandomGenerator rng, int sampleRate) {
        long filled = Math.min(count(), capacity);
        if (filled == 0) {
            return Optional.empty();
        }
        byte[] pcm16 = store.get(rng.nextInt((int) filled));
        return pcm16 == null
                ? Optional.empty()
                : Optional.of(CleanAudio.fromPcm16(pcm16, sampleRate).clip());
    }

    /** @param clip the clip to keep, in place of the oldest once the ring is full */
    public void add(CleanAudio clip) {
        long count = count();
        store.put((int) (count % capacity), clip.pcm16());
        store.put(COUNT_KEY, ByteBuffer.allocate(Long.BYTES).putLong(count + 1).array());
    }

    private long count() {
        byte[] count = store.get(COUNT_KEY);
        return count == null || count.length != Long.BYTES
                ? 0
                : ByteBuffer.wrap(count).getLong();
    }
}
