package dev.autodidact.schema.example;

import dev.autodidact.schema.Modality;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A modality-neutral record: named arrays in a fixed order plus string metadata. On {@code clean.<modality>} it holds
 * the canonical input ({@link ArrayNames#INPUT}); on {@code examples.<modality>.<method>} what one method needs from
 * one record (views {@code view.0}, {@code view.1}, ..., masks, targets, token ids). Metadata always names the
 * modality ({@link #MODALITY}); the rest (recipe, tokenizer version, seed) is free-form.
 *
 * @param arrays the arrays by name, in wire order
 * @param metadata string metadata
 */
public record Example(Map<String, Tensor> arrays, Map<String, String> metadata) {
    public static final String MODALITY = "modality";
    /** Metadata naming the kind of example ({@code ExampleRecipe} id, e.g. {@code two-views}). */
    public static final String RECIPE = "recipe";
    /** Metadata holding the spec of the media recipe that made the views, so they can be drawn again (replay). */
    public static final String AUGMENT = "augment";
    /** The safetensors header's metadata entry, which no array may be named after. */
    private static final String METADATA_KEY = "__metadata__";

    public Example {
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("An example needs at least one array");
        }
        arrays.keySet().forEach(ArrayNames::check);
        if (arrays.containsKey(METADATA_KEY)) {
            throw new IllegalArgumentException("Array name '" + METADATA_KEY + "' is the wire format's metadata key");
        }
        metadata.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException("Metadata '" + key + "' needs a key and a value");
            }
        });
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A builder for the given modality. */
    public static Builder builder(Modality modality) {
        return new Builder().meta(MODALITY, modality.id());
    }

    public Tensor array(String name) {
        Tensor t = arrays.get(name);
        if (t == null) {
            throw new IllegalArgumentException("Example has no array '" + name + "'; it has " + arrays.keySet());
        }
        return t;
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    public Optional<String> meta(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** The modality named in the metadata. */
    public Modality modality() {
        String id = metadata.get(MODALITY);
        if (id == null) {
            throw new IllegalArgumentException("Example metadata lacks '" + MODALITY + "'");
        }
        return Modality.of(id);
    }

    /** Number of {@code view.i} arrays, counted from {@code view.0} up to the first missing index. */
    public int viewCount() {
        int n = 0;
        while (arrays.containsKey(ArrayNames.view(n))) {
            n++;
        }
        return n;
    }

    /** The views {@code view.0 ... view.(n-1)}. */
    public List<Tensor> views() {
        return java.util.stream.IntStream.range(0, viewCount())
                .mapToObj(i -> arrays.get(ArrayNames.view(i)))
                .toList();
    }

    /** Builds an example array by array. */
    public static final class Builder {
        private final Map<String, Tensor> arrays = new LinkedHashMap<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        public Builder put(String name, Tensor array) {
            if (arrays.putIfAbsent(name, array) != null) {
                throw new IllegalArgumentException("Duplicate array '" + name + "'");
            }
            return this;
        }

        public Builder meta(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        public Example build() {
            return new Example(arrays, metadata);
        }
    }
}
