package dev.autodidact.broker.internal;

import dev.autodidact.monitoring.YammerMetricsBinder;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/**
 * The broker's Yammer metrics bound to meter registries, counted per registry. Kafka keeps them in one JVM-global
 * registry ({@link KafkaYammerMetrics#defaultRegistry()}), so brokers sharing a JVM share them: the first broker that
 * reports into a registry binds it, later ones into the same registry take a reference, and the last one to close
 * unbinds it. A registry therefore never holds two bindings of the same metrics, and closing one broker leaves the
 * meters of another broker on the same registry in place.
 */
public final class YammerBindings {

    private static final Map<MeterRegistry, Counted> BOUND = new IdentityHashMap<>();

    private YammerBindings() {}

    /**
     * Binds the broker metrics ({@link YammerMetricsBinder#forBroker}) to a registry, or takes one more reference to
     * the binding already there.
     *
     * @param registry the registry
     * @return the reference; closing it (once) releases it
     */
    public static synchronized Binding bind(MeterRegistry registry) {
        Counted counted = BOUND.get(registry);
        if (counted == null) {
            YammerMetricsBinder binder = YammerMetricsBinder.forBroker(KafkaYammerMetrics.defaultRegistry());
            binder.bindTo(registry);
            counted = new Counted(binder);
            BOUND.put(registry, counted);
        }
        counted.references++;
        return new Binding(registry);
    }

    private static synchronized void release(MeterRegistry registry) {
        Counted counted = BOUND.get(registry);
        if (counted != null && --counted.references == 0) {
            BOUND.remove(registry);
            counted.binder.close();
        }
    }

    /** One broker's reference to the binding of a registry. */
    public static final class Binding implements AutoCloseable {
        private final MeterRegistry registry;
        private boolean closed;

        private Binding(MeterRegistry registry) {
            this.registry = registry;
        }

        /** Releases the reference; the last one removes the meters. */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(registry);
            }
        }
    }

    private static final class Counted {
        private final YammerMetricsBinder binder;
        private int references;

        private Counted(YammerMetricsBinder binder) {
            this.binder = binder;
        }
    }
}
