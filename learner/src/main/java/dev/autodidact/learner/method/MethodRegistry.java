package dev.autodidact.learner.method;

import dev.autodidact.schema.Modality;
import dev.autodidact.schema.method.MethodCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The methods the learner can train, one {@link MethodSpec} each. Adding a method is one class with its spec and one
 * line here (plus its catalogue entry in {@code schema}, which tells the stream-app what example to make); the
 * registry refuses to start if the two disagree.
 */
public final class MethodRegistry {
    private static final Map<String, MethodSpec> SPECS = new LinkedHashMap<>();

    static {
        register(SimClrMethod.SPEC);
        register(ByolMethod.SPEC);
        register(MocoMethod.SPEC);
        register(DinoMethod.SPEC);
        register(SimSiamMethod.SPEC);
        register(BarlowTwinsMethod.SPEC);
        register(VicRegMethod.SPEC);
        register(DeepClusterMethod.SPEC);
        register(InpaintingMethod.SPEC);
        register(ColorizationMethod.SPEC);
        register(DenoisingAeMethod.SPEC);
        register(RotNetMethod.SPEC);
        register(JigsawMethod.SPEC);
        register(MaeMethod.SPEC);
        register(CpcMethod.SPEC);
        register(Wav2Vec2Method.SPEC);
        List<String> missing = MethodCatalog.names().stream()
                .filter(n -> !SPECS.containsKey(n))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Methods in the catalogue without a learner spec: " + missing);
        }
    }

    private MethodRegistry() {}

    private static void register(MethodSpec spec) {
        spec.entry();
        if (SPECS.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException("Method " + spec.name() + " registered twice");
        }
    }

    /** Every spec, in catalogue order. */
    public static List<MethodSpec> all() {
        return MethodCatalog.names().stream().map(SPECS::get).toList();
    }

    /** The names of the methods that learn from {@code modality}. */
    public static List<String> names(Modality modality) {
        return MethodCatalog.names(modality);
    }

    public static Optional<MethodSpec> find(String name) {
        return Optional.ofNullable(SPECS.get(name));
    }

    /** @throws IllegalArgumentException naming the known methods */
    public static MethodSpec get(String name) {
        return find(name)
                .orElseThrow(() ->
                        new IllegalArgumentException("Unknown method '" + name + "'; known: " + MethodCatalog.names()));
    }

    /** Adds every method's own settings to {@code def}. */
    public static ConfigDef define(ConfigDef def) {
        all().forEach(spec -> spec.settings().apply(def));
        return def;
    }
}
