package dev.autodidact.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class PoisonRecordsTest {
    private static final DeadLetters.Origin BAD = new DeadLetters.Origin("raw.image", 0, 7L);
    private static final DeadLetters.Origin NEXT = new DeadLetters.Origin("raw.image", 0, 8L);
    private final PoisonRecords poison = new PoisonRecords(2);

    @Test
    void shouldCountAFailureOfTheRecordTheDyingThreadWasProcessing() {
        poison.processing(BAD);
        poison.threadDied(new StreamsException("Exception caught in process", new StackOverflowError()));

        assertThat(poison.failures(BAD)).isEqualTo(1);
        assertThat(poison.givenUp(BAD)).isEmpty();
    }

    @Test
    void shouldGiveUpOnARecordAfterMaxFailuresWithItsLastFailureUnwrapped() {
        AssertionError error = new AssertionError("boom");
        for (int i = 0; i < 2; i++) {
            poison.processing(BAD);
            poison.threadDied(new StreamsException("wrapped", new StreamsException("again", error)));
        }

        assertThat(poison.givenUp(BAD)).containsSame(error);
        assertThat(poison.givenUp(NEXT)).isEmpty();
    }

    @Test
    void shouldBlameNoRecordWhenTheThreadDiesBetweenRecords() {
        poison.processing(BAD);
        poison.processed();
        poison.threadDied(new StreamsException("commit failed"));

        assertThat(poison.failures(BAD)).isZero();
    }

    @Test
    void shouldBlameTheRecordAProductionHandlerFailedRatherThanTheCurrentOne() {
        AuthorizationException denied = new AuthorizationException("denied");
        poison.blame(denied, BAD);
        poison.processing(NEXT);
        poison.threadDied(new StreamsException("Error encountered sending record", denied));

        assertThat(poison.failures(BAD)).isEqualTo(1);
        assertThat(poison.failures(NEXT)).isZero();
    }

    @Test
    void shouldBlameNoRecordForAFailureBlamedOnAnUnknownOrigin() {
        AuthorizationException denied = new AuthorizationException("dead-letter topic denied");
        poison.blame(denied, DeadLetters.Origin.UNKNOWN);
        poison.processing(NEXT);
        poison.threadDied(new StreamsException("Error encountered sending record", denied));

        assertThat(poison.failures(NEXT)).isZero();
    }

    @Test
    void shouldForgetTheLeastRecentlyFailedRecordsBeyondCapacity() {
        for (int offset = 0; offset <= PoisonRecords.CAPACITY; offset++) {
            poison.processing(new DeadLetters.Origin("raw.image", 0, offset));
            poison.threadDied(new OutOfMemoryError());
        }

        assertThat(poison.failures(new DeadLetters.Origin("raw.image", 0, 0))).isZero();
        assertThat(poison.failures(new DeadLetters.Origin("raw.image", 0, PoisonRecords.CAPACITY)))
                .isEqualTo(1);
    }

    @Test
    void shouldRejectMaxFailuresBelowOne() {
        assertThatThrownBy(() -> new PoisonRecords(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReplaceTheThreadAndCountTheFailureOfItsRecord() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ThreadReplacingHandler handler = new ThreadReplacingHandler(registry, poison);
        poison.processing(BAD);

        assertThat(handler.handle(new StreamsException("process", new AssertionError())))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(poison.failures(BAD)).isEqualTo(1);
        assertThat(registry.get(ThreadReplacingHandler.THREADS_REPLACED)
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}
