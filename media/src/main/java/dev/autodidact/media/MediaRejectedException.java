package dev.autodidact.media;

import java.util.Objects;

/**
 * Media that cannot be used, with the {@link RejectReason} that the caller routes on (the stream-app sends the record
 * to the dead-letter topic with {@code reason().code()} in a header). The message says what was wrong in words.
 */
public class MediaRejectedException extends RuntimeException {
    private final RejectReason reason;

    /**
     * Creates a rejection without a cause.
     *
     * @param reason why the media was rejected
     * @param message what was wrong, for people
     */
    public MediaRejectedException(RejectReason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Creates a rejection caused by another exception (typically the decoder's).
     *
     * @param reason why the media was rejected
     * @param message what was wrong, for people
     * @param cause the underlying exception, or {@code null}
     */
    public MediaRejectedException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the media was rejected.
     *
     * @return the reason, never {@code null}
     */
    public RejectReason reason() {
        return reason;
    }
}
