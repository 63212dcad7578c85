package dev.autodidact.schema.checkpoint;

import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;

/** A checkpoint that cannot be used, with a bounded reason code for metrics. */
public final class CheckpointException extends SerializationException {
    private static final long serialVersionUID = 1L;

    /** Why a checkpoint was refused. */
    public enum Reason {
        /** Chunks missing (retention, truncation) or the records not found where the index says. */
        INCOMPLETE,
        /** Bytes that do not match their SHA-256, or a manifest that does not parse or is inconsistent. */
        CORRUPT,
        /** A size or count over {@link CheckpointLimits}. */
        TOO_LARGE,
        /** No valid signature while a signing key is configured. */
        UNSIGNED;

        /** The metric tag value, e.g. {@code too-large}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public CheckpointException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CheckpointException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
