package dev.autodidact.streams.internal;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Per-record random generators: seeded from the configured seed and the record's topic, partition and offset, so
 * that reprocessing a record after a failure or a rebalance draws the same augmentations, and two records never share
 * a stream of random numbers by accident.
 */
public final class RecordSeeds {
    private RecordSeeds() {}

    /**
     * @param seed the configured seed
     * @param topic the source topic
     * @param partition the source partition
     * @param offset the source offset
     * @return a generator that depends on all four and nothing else
     */
    public static RandomGenerator generator(long seed, String topic, int partition, long offset) {
        return new SplittableRandom(seed(seed, topic, partition, offset));
    }

    /**
     * @param seed the configured seed
     * @param topic the source topic
     * @param partition the source partition
     * @param offset the source offset
     * @return a well-mixed 64-bit seed
     */
    public static long seed(long seed, String topic, int partition, long offset) {
        long h = mix(seed);
        h = mix(h ^ fnv1a(topic));
        h = mix(h ^ partition);
        return mix(h ^ offset);
    }

    /** The SplitMix64 finalizer (Steele, Lea, Flood 2014): a bijection that spreads every input bit. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes: the same on every JVM and platform. */
    private static long fnv1a(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }
}
