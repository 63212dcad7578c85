package dev.autodidact.learner.train;

import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import java.nio.charset.StandardCharsets;

/**
 * Tags examples with the source they were drawn from ({@link ArrayNames#SOURCE_ID}), so that a method can tell two
 * examples of the same image apart from two different images. A feed repeats (pretrain's passes over a folder, a
 * camera that sends the same scene, a re-ingested file) and the examples of one source come back under new offsets;
 * only the record key stays. MoCo needs this: a queue of past keys that holds the previous pass's key of the query's
 * own image treats it as a negative, and on a 10,000-image feed repeating every 39 steps a 4,096-key queue (16 steps)
 * does so for about a third of the queries.
 *
 * <p>The id is the 64-bit FNV-1a hash of the record key; a record without a key gets one from its topic, partition
 * and offset, unique to it. Two different keys share an id with probability about {@code n^2 / 2^65} for {@code n}
 * sources: 3e-12 for 10,000.
 */
public final class SourceIds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SourceIds() {}

    /**
     * @param key the record key, or null
     * @param topic the record's topic, for keyless records
     * @param partition its partition
     * @param offset its offset
     * @return {@code example} with {@link ArrayNames#SOURCE_ID} set (replaced if it had one)
     */
    public static Example tag(Example example, byte[] key, String topic, int partition, long offset) {
        long id = key != null
                ? hash(key)
                : hash((topic + "/" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8)) ^ Long.MIN_VALUE;
        Example.Builder b = new Example.Builder();
        example.metadata().forEach(b::meta);
        example.arrays().forEach((name, array) -> {
            if (!name.equals(ArrayNames.SOURCE_ID)) {
                b.put(name, array);
            }
        });
        return b.put(ArrayNames.SOURCE_ID, Tensor.i64(new int[] {1}, new long[] {id}))
                .build();
    }

    /** The 64-bit FNV-1a hash of {@code bytes}. */
    static long hash(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
