package dev.autodidact.streams.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;

/** Waits until Kafka Streams first reaches RUNNING, and gives up early when it reaches a state it cannot leave. */
public final class StartupLatch implements KafkaStreams.StateListener {
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile State outcome;

    @Override
    public void onChange(State newState, State oldState) {
        boolean settles = switch (newState) {
            case CREATED, REBALANCING -> false;
            case RUNNING, PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> true;
        };
        if (outcome == null && settles) {
            outcome = newState;
            settled.countDown();
        }
    }

    /**
     * @param streams the started instance, for its current state in the message
     * @param timeout how long to wait
     * @throws IllegalStateException if it does not reach RUNNING in time, or fails or stops first
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        if (!settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Kafka Streams did not reach RUNNING within " + timeout.toMillis()
                    + " ms (state " + streams.state() + "); check that the brokers are reachable and the topics exist");
        }
        if (outcome != State.RUNNING) {
            throw new IllegalStateException(
                    "Kafka Streams went to " + outcome + " while starting; see the log for" + " the cause");
        }
    }
}
