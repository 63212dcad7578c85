package dev.autodidact.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectReasonTest {
    @Test
    void shouldUseLowerCaseHyphenatedCodes() {
        assertThat(RejectReason.TOO_MANY_BYTES.code()).isEqualTo("too-many-bytes");
        assertThat(RejectReason.UNSUPPORTED_FORMAT.code()).isEqualTo("unsupported-format");
        assertThat(RejectReason.EMPTY.code()).isEqualTo("empty");
        assertThat(RejectReason.TOO_LONG.code()).isEqualTo("too-long");
        assertThat(RejectReason.CORRUPT.code()).isEqualTo("corrupt");
        assertThat(RejectReason.TOO_MANY_PIXELS.code()).isEqualTo("too-many-pixels");
        for (RejectReason reason : RejectReason.values()) {
            assertThat(reason.code()).matches("[a-z]+(-[a-z]+)*");
        }
    }

    @Test
    void shouldHaveDistinctCodesThatRoundTrip() {
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::code).distinct())
                .hasSize(RejectReason.values().length);
        for (RejectReason reason : RejectReason.values()) {
            assertThat(RejectReason.fromCode(reason.code())).isSameAs(reason);
        }
    }

    @Test
    void shouldRejectUnknownCode() {
        assertThatThrownBy(() -> RejectReason.fromCode("TOO_MANY_BYTES")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCarryReasonMessageAndCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        MediaRejectedException e = new MediaRejectedException(RejectReason.CORRUPT, "bad bytes", cause);

        assertThat(e)
                .isInstanceOf(RuntimeException.class)
                .hasMessage("bad bytes")
                .hasCause(cause);
        assertThat(e.reason()).isEqualTo(RejectReason.CORRUPT);
        assertThat(new MediaRejectedException(RejectReason.EMPTY, "none").getCause())
                .isNull();
        assertThatThrownBy(() -> new MediaRejectedException(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
