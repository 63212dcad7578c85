package dev.autodidact.monitoring.internal;

import dev.autodidact.monitoring.MetricsServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registries that Kafka-instantiated reporters find by a configuration value, since Kafka creates them by class
 * name and hands them nothing but strings: registries shared by name within this JVM, and {@link MetricsServer}s
 * started on demand, one per port, shared by every reporter configured with that port and closed with the last.
 */
public final class SharedRegistries {

    private static final Map<String, MeterRegistry> BY_NAME = new HashMap<>();
    private static final Map<Integer, CountedServer> BY_PORT = new HashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong();

    private SharedRegistries() {}

    /**
     * Shares a registry under a name.
     *
     * @param name the name, unique among the registries shared now
     * @param registry the registry
     * @throws IllegalArgumentException if another registry is shared under that name
     */
    public static synchronized void share(String name, MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        MeterRegistry previous = BY_NAME.putIfAbsent(Objects.requireNonNull(name, "name"), registry);
        if (previous != null && previous != registry) {
            throw new IllegalArgumentException("Another registry is already shared as '" + name + "'");
        }
    }

    /** @return a name no registry is shared under, {@code prefix-<n>} */
    public static String uniqueName(String prefix) {
        return prefix + "-" + NEXT_ID.incrementAndGet();
    }

    /**
     * Stops sharing a registry; reporters that found it keep it.
     *
     * @param name the name it was shared under
     * @param registry the registry, so that only its owner withdraws it
     */
    public static synchronized void withdraw(String name, MeterRegistry registry) {
        BY_NAME.remove(name, registry);
    }

    /**
     * @param name a name given to {@link #share}
     * @return the registry shared under it, if any
     */
    public static synchronized Optional<MeterRegistry> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Starts a metrics server on a port, or takes one more reference to the one already running there.
     *
     * @param port the HTTP port
     * @param service the {@code service} tag, used when the server is started here
     * @return the server's registry; give it back with {@link #release(int)}
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static synchronized MeterRegistry acquireServer(int port, String service) {
        CountedServer counted = BY_PORT.get(port);
        if (counted == null) {
            try {
                counted = new CountedServer(MetricsServer.start(service, port));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BY_PORT.put(port, counted);
        }
        counted.references++;
        return counted.server.registry();
    }

    /**
     * Drops a reference taken by {@link #acquireServer}; the last one closes the server.
     *
     * @param port the port given to {@link #acquireServer}
     */
    public static synchronized void release(int port) {
        CountedServer counted = BY_PORT.get(port);
        if (counted != null && --counted.references == 0) {
            BY_PORT.remove(port);
            counted.server.close();
        }
    }

    /**
     * @param port a port given to {@link #acquireServer}
     * @return the port the server listens on (the bound one where {@code port} was 0), or -1 if none runs
     */
    public static synchronized int boundPort(int port) {
        CountedServer counted = BY_PORT.get(port);
        return counted == null ? -1 : counted.server.port();
    }

    private static final class CountedServer {
        private final MetricsServer server;
        private int references;

        private CountedServer(MetricsServer server) {
            this.server = server;
        }
    }
}
