package dev.autodidact.streams.internal;

import dev.autodidact.media.image.views.ViewRecipes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks of the stream-app configuration that a single key's validator cannot express. */
public final class ConfigChecks {
    /** Prefixes that belong to the stream-app; a key under them that it does not define is a typo, not a Kafka key. */
    public static final List<String> OWN_PREFIXES =
            List.of("image.", "poison.", SimClrKeys.PREFIX, PretextKeys.PREFIX, AudioKeys.PREFIX);

    /** Topic-name characters Kafka accepts: ASCII letters, digits, '.', '_' and '-'. */
    public static final ConfigDef.Validator TOPIC_CHARACTERS = new ConfigDef.Validator() {
        private final Pattern legal = Pattern.compile("[a-zA-Z0-9._-]*");

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !legal.matcher((String) value).matches()) {
                throw new ConfigException(
                        name, value, "Topic names may only contain ASCII letters, digits, '.', '_'" + " and '-'");
            }
        }

        @Override
        public String toString() {
            return "[a-zA-Z0-9._-]*";
        }
    };

    /**
     * The {@code methods} setting: one or more distinct names of {@link dev.autodidact.schema.method.MethodCatalog}
     * methods that learn from images or audio; an unknown method fails naming the methods of both. Whether each learns
     * from the configured {@code modality} is checked with the other settings, which a validator does not see.
     */
    public static final ConfigDef.Validator METHODS = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            List<?> methods = (List<?>) value;
            if (methods == null || methods.isEmpty()) {
                throw new ConfigException(name, value, "Name at least one method; " + this);
            }
            Set<String> seen = new HashSet<>();
            for (Object method : methods) {
                String known = String.valueOf(method);
                if (!ImageViewRecipes.names().contains(known)
                        && !AudioViewRecipes.names().contains(known)) {
                    throw new ConfigException(name, value, "Unknown method '" + known + "'; " + this);
                }
                if (!seen.add(known)) {
                    throw new ConfigException(name, value, "Method '" + method + "' is listed twice");
                }
            }
        }

        @Override
        public String toString() {
            return "image methods " + ImageViewRecipes.names() + ", audio methods " + AudioViewRecipes.names();
        }
    };

    /** Header bytes allowed per array of an encoded example: its name, type, shape and offsets in JSON. */
    static final int HEADER_BYTES_PER_ARRAY = 128;
    /**
     * Header bytes allowed for the JSON braces and the metadata: the short entries ({@code modality}, {@code recipe})
     * and the view recipe's spec ({@code augment}) of at most {@link ViewRecipes#MAX_SPEC_LENGTH} ASCII characters.
     */
    static final int HEADER_BYTES_BASE = 512 + ViewRecipes.MAX_SPEC_LENGTH;

    private ConfigChecks() {}

    /**
     * Fails on keys under one of {@link #OWN_PREFIXES} that {@code defined} lacks, e.g. {@code image.sise}.
     *
     * @param keys the keys given
     * @param defined the keys the configuration defines
     */
    public static void rejectUnknownOwnKeys(Set<String> keys, Set<String> defined) {
        for (String key : keys) {
            boolean own = OWN_PREFIXES.stream()
                    .anyMatch(p -> key.toLowerCase(Locale.ROOT).startsWith(p));
            if (own && !defined.contains(key)) {
                throw new ConfigException("Unknown stream-app setting '" + key + "'; settings under " + OWN_PREFIXES
                        + " are "
                        + defined.stream()
                                .filter(d -> OWN_PREFIXES.stream().anyMatch(d::startsWith))
                                .sorted()
                                .toList());
            }
        }
    }

    /**
     * Fails if a record of RGB images of the given sides (a clean record) would not fit in a Kafka record of
     * {@link SizeLimitedSerde#MAX_VALUE_BYTES}.
     *
     * @param what what the record is, for the message, e.g. {@code A clean record}
     * @param sides the side of each square image in the record
     */
    public static void checkExampleFits(String what, List<Integer> sides) {
        checkExampleFits(what, sides, List.of());
    }

    /**
     * Fails if a record of RGB images of the given sides and of other arrays of the given sizes (one method's example:
     * its clean input, its views, its masks and targets) would not fit in a Kafka record of
     * {@link SizeLimitedSerde#MAX_VALUE_BYTES}.
     *
     * @param what what the record is, for the message, e.g. {@code An example for dino}
     * @param sides the side of each square image in the record
     *     ({@link ImageExamplesProcessor#imageSides(int, dev.autodidact.media.image.views.ViewRecipe)} for an example)
     * @param arrayBytes the bytes of each other array
     *     ({@link ImageExamplesProcessor#arrayBytes(dev.autodidact.media.image.views.ViewRecipe)})
     */
    public static void checkExampleFits(String what, List<Integer> sides, List<Long> arrayBytes) {
        long bytes = exampleBytes(sides, arrayBytes);
        if (bytes > SizeLimitedSerde.MAX_VALUE_BYTES) {
            throw new ConfigException(what + " (images of sides " + sides
                    + (arrayBytes.isEmpty() ? "" : " and arrays of " + arrayBytes + " bytes") + ") takes up to " + bytes
                    + " bytes, more than a record may carry (" + SizeLimitedSerde.MAX_VALUE_BYTES + "); lower"
                    + " image.size, views, dino.local.size or dino.local.crops, or raise mae.patch.size");
        }
    }

    /**
     * Fails if a record of arrays of the given sizes (an audio record: its I16 input, and for an example the views and
     * masks of its recipe) would not fit in a Kafka record of {@link SizeLimitedSerde#MAX_VALUE_BYTES}.
     *
     * @param what what the record is, for the message, e.g. {@code An audio example for simclr}
     * @param arrayBytes the bytes of each array ({@link AudioExamplesProcessor#arrayBytes})
     */
    public static void checkAudioExampleFits(String what, List<Long> arrayBytes) {
        long bytes = exampleBytes(List.of(), arrayBytes);
        if (bytes > SizeLimitedSerde.MAX_VALUE_BYTES) {
            throw new ConfigException(what + " (arrays of " + arrayBytes + " bytes) takes up to " + bytes
                    + " bytes, more than a record may carry (" + SizeLimitedSerde.MAX_VALUE_BYTES + "); lower"
                    + " audio.sample.rate, audio.clip.seconds, a crop's seconds or audio.mels, or raise audio.hop");
        }
    }

    /**
     * @param sides the side of each square RGB image in the record
     * @return an upper bound on the bytes of the encoded {@link dev.autodidact.schema.example.Example}
     */
    static long exampleBytes(List<Integer> sides) {
        return exampleBytes(sides, List.of());
    }

    /**
     * @param sides the side of each square RGB image in the record
     * @param arrayBytes the bytes of each other array
     * @return an upper bound on the bytes of the encoded {@link dev.autodidact.schema.example.Example}: the version
     *     byte, the header length, the JSON header ({@link #HEADER_BYTES_BASE} plus {@link #HEADER_BYTES_PER_ARRAY}
     *     per array) and the arrays' data ({@link dev.autodidact.schema.serde.ExampleSerde})
     */
    static long exampleBytes(List<Integer> sides, List<Long> arrayBytes) {
        long bytes = 1 + 8 + HEADER_BYTES_BASE + (long) HEADER_BYTES_PER_ARRAY * (sides.size() + arrayBytes.size());
        for (int side : sides) {
            bytes += 3L * side * side;
        }
        for (long array : arrayBytes) {
            bytes += array;
        }
        return bytes;
    }
}
