package dev.autodidact.media.image.views.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code key=value} fields of a view recipe spec, checked against the keys its kind allows before any value is
 * read, and read as bounded integers or finite decimal numbers.
 */
public final class SpecFields {
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    /** What {@link Double#toString(double)} writes for a finite value, and nothing else Java would parse. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,24}(\\.[0-9]{1,24})?(E-?[0-9]{1,3})?");

    private static final int QUOTED_CHARS = 40;

    private final String kind;
    private final Map<String, String> values;

    private SpecFields(String kind, Map<String, String> values) {
        this.kind = kind;
        this.values = values;
    }

    /**
     * @param kind the recipe kind, for messages
     * @param parts the spec split at {@code ;}
     * @param from index of the first field
     * @param allowed the keys this kind takes, each required
     * @return the fields
     * @throws IllegalArgumentException on a field that is not {@code key=value}, an unknown key or a repeated one
     */
    public static SpecFields of(String kind, String[] parts, int from, List<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("View recipe spec field " + quote(parts[i]) + " is not key=value");
            }
            String key = parts[i].substring(0, eq);
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(
                        "Unknown key " + quote(key) + " in a " + kind + " spec; keys: " + allowed);
            }
            if (values.put(key, parts[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("Key " + quote(key) + " appears twice in the " + kind + " spec");
            }
        }
        return new SpecFields(kind, values);
    }

    /** Appends {@code ;key=value} to {@code out}. */
    public static void append(StringBuilder out, String key, String value) {
        out.append(';').append(key).append('=').append(value);
    }

    /**
     * @return the whole number under {@code key}
     * @throws IllegalArgumentException if it is missing, not a whole number, or outside {@code [min, max]}
     */
    public int integer(String key, int min, int max) {
        String text = value(key);
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + quote(text));
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException("'" + key + "' must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /**
     * @return the {@code count} comma-separated numbers under {@code key}
     * @throws IllegalArgumentException if it is missing, has another count, or one is not a finite decimal number
     */
    public double[] numbers(String key, int count) {
        String[] texts = value(key).split(",", -1);
        if (texts.length != count) {
            throw new IllegalArgumentException("'" + key + "' takes " + count
                    + (count == 1 ? " number" : " numbers" + " separated by ','") + ", got " + quote(value(key)));
        }
        double[] numbers = new double[count];
        for (int i = 0; i < count; i++) {
            if (!DECIMAL.matcher(texts[i]).matches()) {
                throw new IllegalArgumentException(
                        "'" + key + "' must be decimal numbers as Java writes them, got " + quote(texts[i]));
            }
            numbers[i] = Double.parseDouble(texts[i]);
            if (!Double.isFinite(numbers[i])) {
                throw new IllegalArgumentException("'" + key + "' is out of range: " + quote(texts[i]));
            }
        }
        return numbers;
    }

    /** @return the single number under {@code key} */
    public double number(String key) {
        return numbers(key, 1)[0];
    }

    private String value(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("The " + kind + " spec lacks '" + key + "'");
        }
        return value;
    }

    /** @return {@code text} in single quotes, cut to 40 characters, for a message */
    public static String quote(String text) {
        return "'" + (text.length() > QUOTED_CHARS ? text.substring(0, QUOTED_CHARS) + "..." : text) + "'";
    }
}
