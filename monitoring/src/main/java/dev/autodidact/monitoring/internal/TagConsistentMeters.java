package dev.autodidact.monitoring.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters mirrored from another metrics system, registered so that all meters of one name share one set of tag
 * keys, the rule Micrometer's Kafka binders follow.
 *
 * <p>Kafka reports some metrics twice under one name, once in total and once per topic, partition or processor (the
 * consumer's {@code records-lag-max}, the broker's {@code ResponseQueueSize}). Exporting both would double every
 * {@code sum()}, so of the candidates of one name only those with the largest set of tag keys are registered; when
 * they go, the next largest come back. A tie keeps the set registered first.
 *
 * @param <K> what identifies a source metric, e.g. Kafka's {@code MetricName}
 */
public final class TagConsistentMeters<K> {

    private static final Logger LOG = LoggerFactory.getLogger(TagConsistentMeters.class);

    private final MeterRegistry registry;
    private final Map<String, Map<K, Candidate>> candidatesByName = new HashMap<>();
    private final Map<K, String> nameByKey = new HashMap<>();
    private final Map<K, Meter> registered = new HashMap<>();

    /** @param registry where the meters go */
    public TagConsistentMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Adds a source metric, or replaces the one with the same key.
     *
     * @param key the source metric's identity
     * @param name the meter name
     * @param tags the meter tags, without the registry's common tags
     * @param registrar registers the meter in the registry it is given and returns it
     */
    public synchronized void put(K key, String name, List<Tag> tags, Function<MeterRegistry, Meter> registrar) {
        remove(key);
        nameByKey.put(key, name);
        candidatesByName.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(key, new Candidate(tags, registrar));
        reconcile(name);
    }

    /**
     * Removes a source metric and its meter, if any.
     *
     * @param key the source metric's identity
     */
    public synchronized void remove(K key) {
        String name = nameByKey.remove(key);
        if (name == null) {
            return;
        }
        Map<K, Candidate> candidates = candidatesByName.get(name);
        candidates.remove(key);
        unregister(key);
        if (candidates.isEmpty()) {
            candidatesByName.remove(name);
        } else {
            reconcile(name);
        }
    }

    /** Removes every meter this instance registered. */
    public synchronized void clear() {
        List.copyOf(registered.keySet()).forEach(this::unregister);
        candidatesByName.clear();
        nameByKey.clear();
    }

    /** @return how many meters are registered now */
    public synchronized int size() {
        return registered.size();
    }

    private void reconcile(String name) {
        Map<K, Candidate> candidates = candidatesByName.get(name);
        Set<String> keys = winningTagKeys(candidates);
        candidates.forEach((key, candidate) -> {
            boolean wanted = candidate.tagKeys().equals(keys);
            if (wanted && !registered.containsKey(key)) {
                register(key, name, candidate);
            } else if (!wanted) {
                unregister(key);
            }
        });
    }

    private Set<String> winningTagKeys(Map<K, Candidate> candidates) {
        Set<String> best = null;
        boolean bestRegistered = false;
        for (Map.Entry<K, Candidate> e : candidates.entrySet()) {
            Set<String> keys = e.getValue().tagKeys();
            boolean isRegistered = registered.containsKey(e.getKey());
            if (best == null
                    || keys.size() > best.size()
                    || keys.size() == best.size() && isRegistered && !bestRegistered) {
                best = keys;
                bestRegistered = isRegistered;
            }
        }
        return best;
    }

    private void register(K key, String name, Candidate candidate) {
        try {
            registered.put(key, candidate.registrar().apply(registry));
        } catch (RuntimeException e) {
            LOG.warn("Cannot register meter {} {}: {}", name, candidate.tags(), e.toString());
        }
    }

    private void unregister(K key) {
        Meter meter = registered.remove(key);
        if (meter != null) {
            registry.remove(meter);
        }
    }

    private record Candidate(List<Tag> tags, Function<MeterRegistry, Meter> registrar) {
        Set<String> tagKeys() {
            Set<String> keys = new TreeSet<>();
            tags.forEach(t -> keys.add(t.getKey()));
            return keys;
        }
    }
}
