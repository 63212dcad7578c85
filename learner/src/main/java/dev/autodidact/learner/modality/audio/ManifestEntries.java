package dev.autodidact.learner.modality.audio;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes the values of an audio architecture's manifest entries: each one required and length-capped
 * before it is parsed, so that a corrupt or hostile manifest fails with the key's name instead of building anything.
 */
final class ManifestEntries {
    private static final int MAX_VALUE_LENGTH = 256;

    private ManifestEntries() {}

    static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("Checkpoint architecture lacks '" + key + "'");
        }
        if (v.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("Checkpoint architecture's '" + key + "' is too long");
        }
        return v.trim();
    }

    static int integer(Map<String, String> m, String key) {
        try {
            return Integer.parseInt(require(m, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Checkpoint architecture's '" + key + "' is not an integer", e);
        }
    }

    static float decimal(Map<String, String> m, String key) {
        try {
            return Float.parseFloat(require(m, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Checkpoint architecture's '" + key + "' is not a number", e);
        }
    }

    static boolean bool(Map<String, String> m, String key) {
        String v = require(m, key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("Checkpoint architecture's '" + key + "' is not true or false");
        }
        return Boolean.parseBoolean(v);
    }

    static int[] integers(Map<String, String> m, String key) {
        try {
            return Arrays.stream(require(m, key).split(","))
                    .mapToInt(s -> Integer.parseInt(s.trim()))
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Checkpoint architecture's '" + key + "' is not a list of integers", e);
        }
    }

    static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
