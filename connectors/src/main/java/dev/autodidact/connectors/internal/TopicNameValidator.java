package dev.autodidact.connectors.internal;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks topic names and topic-name prefixes against Kafka's rules: ASCII letters, digits, '.', '_', '-'. */
public final class TopicNameValidator implements ConfigDef.Validator {
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");
    private static final int MAX_LENGTH = 249;

    private final boolean prefix;

    private TopicNameValidator(boolean prefix) {
        this.prefix = prefix;
    }

    /** @return a validator for an optional full topic name: null or empty means unset */
    public static TopicNameValidator optionalName() {
        return new TopicNameValidator(false);
    }

    /** @return a validator for a prefix: may be empty, never null */
    public static TopicNameValidator prefix() {
        return new TopicNameValidator(true);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            if (prefix) {
                throw new ConfigException(name, null, "A topic prefix is required; use an empty string for none");
            }
            return;
        }
        String s = value.toString();
        if (!LEGAL.matcher(s).matches()) {
            throw new ConfigException(
                    name, value, "Topic names may only contain ASCII letters, digits, '.', '_' " + "and '-'");
        }
        if (s.length() > MAX_LENGTH) {
            throw new ConfigException(name, value, "Topic names are at most " + MAX_LENGTH + " characters");
        }
        if (!prefix && (s.equals(".") || s.equals(".."))) {
            throw new ConfigException(name, value, "'.' and '..' are not topic names");
        }
    }

    @Override
    public String toString() {
        return prefix ? "[a-zA-Z0-9._-]*" : "empty, or a topic name of [a-zA-Z0-9._-]+";
    }
}
