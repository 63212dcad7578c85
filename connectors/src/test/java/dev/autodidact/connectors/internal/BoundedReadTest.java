package dev.autodidact.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class BoundedReadTest {

    @Test
    void shouldReadUpToTheLimitInclusive() throws Exception {
        byte[] ten = new byte[10];
        assertThat(BoundedRead.readAtMost(() -> new ByteArrayInputStream(ten), 10))
                .hasValueSatisfying(b -> assertThat(b).hasSize(10));
        assertThat(BoundedRead.readAtMost(() -> new ByteArrayInputStream(new byte[0]), 10))
                .hasValueSatisfying(b -> assertThat(b).isEmpty());
    }

    @Test
    void shouldRefuseOneByteMore() throws Exception {
        assertThat(BoundedRead.readAtMost(() -> new ByteArrayInputStream(new byte[11]), 10))
                .isEmpty();
    }
}
