package dev.autodidact.streams.internal;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Splits a stream of {@link Outcome}s: rejected records go to the dead-letter topic with their original bytes and
 * headers, accepted values continue. Every node is named after {@code name}: {@code <name>-split},
 * {@code <name>-split-rejected}, {@code <name>-split-accepted}, {@code <name>-rejected-bytes},
 * {@code <name>-dead-letter-sink} and {@code <name>-accepted-value}. No repartitioning.
 */
public final class DeadLetterRoute {
    private DeadLetterRoute() {}

    /**
     * @param outcomes what a validating processor emitted
     * @param name the prefix of every node name, e.g. {@code image}
     * @param deadLetterTopic where rejected records go
     * @param <T> the accepted value type
     * @return the accepted values, with their headers
     */
    public static <T> KStream<String, T> route(
            KStream<String, Outcome<T>> outcomes, String name, String deadLetterTopic) {
        String split = name + "-split";
        Map<String, KStream<String, Outcome<T>>> branches = outcomes.split(Named.as(split))
                .branch((key, outcome) -> outcome instanceof Outcome.Rejected, Branched.as("-rejected"))
                .defaultBranch(Branched.as("-accepted"));
        branches.get(split + "-rejected")
                .mapValues(outcome -> ((Outcome.Rejected<T>) outcome).original(), Named.as(name + "-rejected-bytes"))
                .to(
                        deadLetterTopic,
                        Produced.with(Serdes.String(), SizeLimitedSerde.wrap(Serdes.ByteArray()))
                                .withName(name + "-dead-letter-sink"));
        return branches.get(split + "-accepted")
                .mapValues(outcome -> ((Outcome.Accepted<T>) outcome).value(), Named.as(name + "-accepted-value"));
    }
}
