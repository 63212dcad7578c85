package dev.autodidact.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskAssignmentTest {

    @Test
    void shouldGiveEachIdToExactlyOneTask() {
        for (int i = 0; i < 200; i++) {
            String id = "class" + (i % 7) + "/img" + i + ".png";
            long owners = IntStream.range(0, 4)
                    .filter(t -> new TaskAssignment(t, 4).owns(id))
                    .count();
            assertThat(owners).as(id).isEqualTo(1);
        }
    }

    @Test
    void shouldGiveEverythingToASingleTask() {
        assertThat(new TaskAssignment(0, 1).owns("anything.png")).isTrue();
    }

    @Test
    void shouldUseTheSpecifiedStringHashSoWorkersAgree() {
        // String.hashCode is fixed by the JLS (s[0]*31^(n-1) + ... + s[n-1]), so every JVM computes this
        assertThat("a.png".hashCode()).isEqualTo(91063068);
        assertThat(new TaskAssignment(Math.floorMod(91063068, 3), 3).owns("a.png"))
                .isTrue();
    }

    @Test
    void shouldRejectIndexOutsideCount() {
        assertThatThrownBy(() -> new TaskAssignment(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskAssignment(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskAssignment(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
