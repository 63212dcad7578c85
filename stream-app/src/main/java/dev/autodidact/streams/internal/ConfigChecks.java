package dev.autodidact.streams.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks of the stream-app configuration that a single key's validator cannot express. */
public final class ConfigChecks {
    /** Prefixes that belong to the stream-app; a key under them that it does not define is a typo, not a Kafka key. */
    public static final List<String> OWN_PREFIXES = List.of("image.", "poison.", SimClrKeys.PREFIX);

    /** Topic-name characters Kafka accepts: ASCII letters, digits, '.', '_' and '-'. */
    public static final ConfigDef.Validator TOPIC_CHARACTERS = new ConfigDef.Validator() {
        private final Pattern legal = Pattern.compile("[a-zA-Z0-9._-]*");

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !legal.matcher((String) value).matches()) {
                throw new ConfigException(name, value, "Topic names may only contain ASCII letters, digits, '.', '_'"
                        + " and '-'");
            }
        }

        @Override
        public String toString() {
            return "[a-zA-Z0-9._-]*";
        }
    };

    private ConfigChecks() {
    }

    /**
     * Fails on keys under one of {@link #OWN_PREFIXES} that {@code defined} lacks, e.g. {@code image.sise}.
     *
     * @param keys the keys given
     * @param defined the keys the configuration defines
     */
    public static void rejectUnknownOwnKeys(Set<String> keys, Set<String> defined) {
        for (String key : keys) {
            boolean own = OWN_PREFIXES.stream().anyMatch(p -> key.toLowerCase(Locale.ROOT).startsWith(p));
            if (own && !defined.contains(key)) {
                throw new ConfigException("Unknown stream-app setting '" + key + "'; settings under " + OWN_PREFIXES
                        + " are " + defined.stream().filter(d -> OWN_PREFIXES.stream().anyMatch(d::startsWith))
                        .sorted().toList());
            }
        }
    }

    /**
     * Fails if an example of {@code views} views of {@code size x size} RGB pixels would not fit in a Kafka record of
     * {@link SizeLimitedSerde#MAX_VALUE_BYTES}.
     *
     * @param size side of every view
     * @param views views per example
     */
    public static void checkExampleFits(int size, int views) {
        long bytes = exampleBytes(size, views);
        if (bytes > SizeLimitedSerde.MAX_VALUE_BYTES) {
            throw new ConfigException("An example of " + views + " views of " + size + "x" + size + " takes " + bytes
                    + " bytes, more than a record may carry (" + SizeLimitedSerde.MAX_VALUE_BYTES
                    + "); lower image.size or views");
        }
    }

    /**
     * Fails if a multi-crop example (2 global views of {@code size}, {@code localCrops} of {@code localSize}) would not
     * fit in a Kafka record of {@link SizeLimitedSerde#MAX_VALUE_BYTES}.
     *
     * @param size side of the global views
     * @param localSize side of the local views
     * @param localCrops local views per example
     */
    public static void checkMultiCropFits(int size, int localSize, int localCrops) {
        long bytes = exampleBytes(size, 2) + localCrops * (8 + 3L * localSize * localSize);
        if (bytes > SizeLimitedSerde.MAX_VALUE_BYTES) {
            throw new ConfigException("A multi-crop example of 2 views of " + size + "x" + size + " and " + localCrops
                    + " of " + localSize + "x" + localSize + " takes " + bytes + " bytes, more than a record may carry ("
                    + SizeLimitedSerde.MAX_VALUE_BYTES + "); lower image.size, dino.local.size or dino.local.crops");
        }
    }

    /**
     * @param size side of every view
     * @param views views per example
     * @return bytes of one encoded example ({@code ImageViewsSerde})
     */
    static long exampleBytes(int size, int views) {
        return 4 + views * (8 + 3L * size * size);
    }
}
